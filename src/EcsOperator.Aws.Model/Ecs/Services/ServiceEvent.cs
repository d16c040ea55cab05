namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The details for an event that's associated with a service.
/// </summary>
public sealed record ServiceEvent
{
    public string? Id { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? Message { get; init; }
}
