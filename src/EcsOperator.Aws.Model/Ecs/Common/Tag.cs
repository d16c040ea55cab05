namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The metadata that you apply to a resource to help you categorize and organize them. Each tag consists of a key
/// and an optional value.
/// </summary>
public sealed record Tag
{
    /// <summary>
    /// The tag key (1 to 128 characters); the aws: prefix is reserved.
    /// </summary>
    [SchemaLength(1, 128)]
    public string? Key { get; init; }

    /// <summary>
    /// The tag value (0 to 256 characters).
    /// </summary>
    [SchemaLength(0, 256)]
    public string? Value { get; init; }
}
