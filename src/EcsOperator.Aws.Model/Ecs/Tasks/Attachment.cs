namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An object representing a container instance or task attachment.
/// </summary>
public sealed record Attachment
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? Status { get; init; }

    public IReadOnlyList<NameValuePair>? Details { get; init; }
}
