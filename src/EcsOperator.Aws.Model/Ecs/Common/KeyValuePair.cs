namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// A key-value pair object.
/// </summary>
public sealed record KeyValuePair
{
    /// <summary>
    /// The name of the key-value pair. For environment variables, this is the name of the environment variable.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// The value of the key-value pair. For environment variables, this is the value of the environment variable.
    /// </summary>
    public string? Value { get; init; }
}
