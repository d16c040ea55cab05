using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// One of the methods which provide a way for you to quickly identify when a deployment has failed, and then to
/// optionally roll back the failure to the last working deployment.
/// </summary>
public sealed record DeploymentAlarms
{
    /// <summary>
    /// One or more CloudWatch alarm names. Use a "," to separate the alarms.
    /// </summary>
    [Required]
    [SetList]
    public IReadOnlyList<string>? AlarmNames { get; init; }

    /// <summary>
    /// Determines whether to configure Amazon ECS to roll back the service if a service deployment fails.
    /// </summary>
    [Required]
    public bool? Rollback { get; init; }

    /// <summary>
    /// Determines whether to use the CloudWatch alarm option in the service deployment process.
    /// </summary>
    [Required]
    public bool? Enable { get; init; }
}
