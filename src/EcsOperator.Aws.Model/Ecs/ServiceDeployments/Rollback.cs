namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Information about the service deployment rollback.
/// </summary>
public sealed record Rollback
{
    public string? Reason { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public string? ServiceRevisionArn { get; init; }
}
