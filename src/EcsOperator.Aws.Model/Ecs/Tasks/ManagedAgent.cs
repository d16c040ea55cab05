namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Details about the managed agent status for the container.
/// </summary>
public sealed record ManagedAgent
{
    public DateTimeOffset? LastStartedAt { get; init; }

    public string? Name { get; init; }

    public string? Reason { get; init; }

    public string? LastStatus { get; init; }
}
