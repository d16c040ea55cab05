namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents the minimum and maximum capacity for a scheduled action.
/// </summary>
public sealed record ScalableTargetAction
{
    /// <summary>
    /// The minimum capacity. When the scheduled action runs, the resource will have at least this much capacity,
    /// but it might have more depending on other settings, such as the target utilization level of a target
    /// tracking scaling policy.
    /// </summary>
    public int? MinCapacity { get; init; }

    /// <summary>
    /// The maximum capacity. Although you can specify a large maximum capacity, note that service quotas may impose
    /// lower limits. Each service has its own default quotas for the maximum capacity of the resource.
    /// </summary>
    public int? MaxCapacity { get; init; }
}
