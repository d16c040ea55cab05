using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The timeout configuration for a deployment lifecycle hook. This determines how long Amazon ECS waits for the
/// hook to complete before taking the specified timeout action.
/// </summary>
public sealed record DeploymentLifecycleHookTimeoutConfiguration
{
    /// <summary>
    /// The number of minutes Amazon ECS waits for the lifecycle hook to complete before taking the timeout action.
    /// </summary>
    [Range(1, 20160)]
    public int? TimeoutInMinutes { get; init; }

    /// <summary>
    /// What ECS does when the hook does not finish in time: CONTINUE the deployment or ROLLBACK.
    /// </summary>
    [AllowedValues("ROLLBACK", "CONTINUE")]
    public string? Action { get; init; }
}
