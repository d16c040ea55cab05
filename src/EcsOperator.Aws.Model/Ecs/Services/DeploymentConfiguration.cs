using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Optional deployment parameters that control how many tasks run during a deployment and the ordering of stopping
/// and starting tasks.
/// </summary>
public sealed record DeploymentConfiguration
{
    /// <summary>
    /// Stops a rolling deployment whose tasks keep failing to reach a steady state and, optionally, rolls back to
    /// the last completed deployment.
    /// </summary>
    public DeploymentCircuitBreaker? DeploymentCircuitBreaker { get; init; }

    /// <summary>
    /// Upper limit, in percent of desiredCount (rounded down), on RUNNING plus PENDING tasks during a rolling
    /// deployment. The ECS default is 200.
    /// </summary>
    public int? MaximumPercent { get; init; }

    /// <summary>
    /// Lower limit, in percent of desiredCount (rounded up), on healthy RUNNING tasks during a rolling deployment.
    /// The ECS default is 100 (50 for some EC2 daemon setups).
    /// </summary>
    public int? MinimumHealthyPercent { get; init; }

    /// <summary>
    /// CloudWatch alarms that fail the deployment (and optionally roll it back) when they go into ALARM.
    /// </summary>
    public DeploymentAlarms? Alarms { get; init; }

    /// <summary>
    /// How a deployment shifts to the new revision: ROLLING (the default), BLUE_GREEN, LINEAR or CANARY.
    /// </summary>
    [AllowedValues("ROLLING", "BLUE_GREEN", "LINEAR", "CANARY")]
    public string? Strategy { get; init; }

    /// <summary>
    /// Minutes both the old and the new revision keep running after production traffic has moved, before the old
    /// one is removed (blue/green, linear, canary).
    /// </summary>
    public int? BakeTimeInMinutes { get; init; }

    /// <summary>
    /// Lambda functions (or pauses) invoked at chosen stages of a deployment; they can approve or roll back the
    /// deployment.
    /// </summary>
    public IReadOnlyList<DeploymentLifecycleHook>? LifecycleHooks { get; init; }

    /// <summary>
    /// Traffic steps for the LINEAR strategy: the percent shifted per step and the bake time between steps.
    /// </summary>
    public LinearConfiguration? LinearConfiguration { get; init; }

    /// <summary>
    /// The canary step of the CANARY strategy: the percent of traffic shifted first and the bake time before the
    /// rest follows.
    /// </summary>
    public CanaryConfiguration? CanaryConfiguration { get; init; }
}
