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
    /// The action Amazon ECS takes when the lifecycle hook times out. Valid values are: CONTINUE - Proceeds the
    /// deployment to the next lifecycle stage.
    /// </summary>
    [AllowedValues("ROLLBACK", "CONTINUE")]
    public string? Action { get; init; }
}
