using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Optional deployment parameters that control how many tasks run during a deployment and the ordering of stopping
/// and starting tasks.
/// </summary>
public sealed record DeploymentConfiguration
{
    /// <summary>
    /// The deployment circuit breaker can only be used for services using the rolling update (ECS) deployment type.
    /// </summary>
    public DeploymentCircuitBreaker? DeploymentCircuitBreaker { get; init; }

    /// <summary>
    /// If a service is using the rolling update (ECS) deployment type, the maximumPercent parameter represents an
    /// upper limit on the number of your service's tasks that are allowed in the RUNNING or PENDING state during a
    /// deployment, as a percentage of the desiredCount (rounded down to the nearest integer).
    /// </summary>
    public int? MaximumPercent { get; init; }

    /// <summary>
    /// If a service is using the rolling update (ECS) deployment type, the minimumHealthyPercent represents a lower
    /// limit on the number of your service's tasks that must remain in the RUNNING state during a deployment, as a
    /// percentage of the desiredCount (rounded up to the nearest integer). If a service is using either the
    /// blue/green (CODE_DEPLOY) or EXTERNAL deployment types and is running tasks that use the EC2 launch type, the
    /// minimum healthy percent value is set to the default value.
    /// </summary>
    public int? MinimumHealthyPercent { get; init; }

    /// <summary>
    /// Information about the CloudWatch alarms.
    /// </summary>
    public DeploymentAlarms? Alarms { get; init; }

    /// <summary>
    /// The deployment strategy for the service. Choose from these valid values: ROLLING - When you create a service
    /// which uses the rolling update (ROLLING) deployment strategy, the Amazon ECS service scheduler replaces the
    /// currently running tasks with new tasks.
    /// </summary>
    [AllowedValues("ROLLING", "BLUE_GREEN", "LINEAR", "CANARY")]
    public string? Strategy { get; init; }

    /// <summary>
    /// The time period when both blue and green service revisions are running simultaneously after the production
    /// traffic has shifted.
    /// </summary>
    public int? BakeTimeInMinutes { get; init; }

    /// <summary>
    /// An array of deployment lifecycle hook objects to run custom logic at specific stages of the deployment
    /// lifecycle.
    /// </summary>
    public IReadOnlyList<DeploymentLifecycleHook>? LifecycleHooks { get; init; }

    /// <summary>
    /// Configuration for linear deployment strategy. Only valid when the deployment strategy is LINEAR. This
    /// configuration enables progressive traffic shifting in equal percentage increments with configurable bake
    /// times between each step.
    /// </summary>
    public LinearConfiguration? LinearConfiguration { get; init; }

    /// <summary>
    /// Configuration for canary deployment strategy. Only valid when the deployment strategy is CANARY. This
    /// configuration enables shifting a fixed percentage of traffic for testing, followed by shifting the remaining
    /// traffic after a bake period.
    /// </summary>
    public CanaryConfiguration? CanaryConfiguration { get; init; }
}
