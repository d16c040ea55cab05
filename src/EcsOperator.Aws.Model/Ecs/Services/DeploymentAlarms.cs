using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// One of the methods which provide a way for you to quickly identify when a deployment has failed, and then to
/// optionally roll back the failure to the last working deployment.
/// </summary>
public sealed record DeploymentAlarms
{
    /// <summary>
    /// Names of the CloudWatch alarms to watch during the deployment.
    /// </summary>
    [Required]
    [SetList]
    public IReadOnlyList<string>? AlarmNames { get; init; }

    /// <summary>
    /// Whether ECS rolls the service back to the last completed deployment when an alarm fires.
    /// </summary>
    [Required]
    public bool? Rollback { get; init; }

    /// <summary>
    /// Whether the alarms are used to judge the deployment.
    /// </summary>
    [Required]
    public bool? Enable { get; init; }
}
