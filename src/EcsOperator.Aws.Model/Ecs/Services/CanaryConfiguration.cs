namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Configuration for a canary deployment strategy that shifts a fixed percentage of traffic to the new service
/// revision, waits for a specified bake time, then shifts the remaining traffic.
/// </summary>
public sealed record CanaryConfiguration
{
    /// <summary>
    /// The percentage of production traffic to shift to the new service revision during the canary phase. The
    /// default value is 5.0.
    /// </summary>
    public double? CanaryPercent { get; init; }

    /// <summary>
    /// The amount of time in minutes to wait during the canary phase before shifting the remaining production
    /// traffic to the new service revision. The default value is 10.
    /// </summary>
    public int? CanaryBakeTimeInMinutes { get; init; }
}
