namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Configuration for linear deployment strategy that shifts production traffic in equal percentage increments with
/// configurable wait times between each step until 100% of traffic is shifted to the new service revision.
/// </summary>
public sealed record LinearConfiguration
{
    /// <summary>
    /// The percentage of production traffic to shift in each step during a linear deployment. Valid values are
    /// multiples of 0.1 from 3.0 to 100.0. The default value is 10.0.
    /// </summary>
    public double? StepPercent { get; init; }

    /// <summary>
    /// The amount of time in minutes to wait between each traffic shifting step during a linear deployment. The
    /// default value is 6.
    /// </summary>
    public int? StepBakeTimeInMinutes { get; init; }
}
