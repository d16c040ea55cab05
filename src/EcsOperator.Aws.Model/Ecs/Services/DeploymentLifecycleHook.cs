using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// A deployment lifecycle hook runs custom logic at specific stages of the deployment process.
/// </summary>
public sealed record DeploymentLifecycleHook
{
    /// <summary>
    /// What the hook does: AWS_LAMBDA invokes hookTargetArn (the default); PAUSE waits for a manual decision.
    /// </summary>
    [AllowedValues("AWS_LAMBDA", "PAUSE")]
    public string? TargetType { get; init; }

    /// <summary>
    /// The Amazon Resource Name (ARN) of the hook target. Currently, only Lambda function ARNs are supported.
    /// </summary>
    public string? HookTargetArn { get; init; }

    /// <summary>
    /// The Amazon Resource Name (ARN) of the IAM role that grants Amazon ECS permission to call Lambda functions on
    /// your behalf.
    /// </summary>
    public string? RoleArn { get; init; }

    /// <summary>
    /// The deployment stages at which the hook runs, such as PRE_SCALE_UP or POST_PRODUCTION_TRAFFIC_SHIFT.
    /// </summary>
    [AllowedValues("RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT")]
    public IReadOnlyList<string>? LifecycleStages { get; init; }

    /// <summary>
    /// Use this field to specify custom parameters that Amazon ECS will pass to your hook target invocations (such
    /// as a Lambda function).
    /// </summary>
    public HookDetails? HookDetails { get; init; }

    /// <summary>
    /// The timeout configuration for the lifecycle hook. This specifies how long Amazon ECS waits before taking the
    /// timeout action if the hook is not resolved.
    /// </summary>
    public DeploymentLifecycleHookTimeoutConfiguration? TimeoutConfiguration { get; init; }
}
