namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The details of a deployment lifecycle hook that is active during a service deployment. You can view lifecycle
/// hook details by calling DescribeServiceDeployments .
/// </summary>
public sealed record DeploymentLifecycleHookDetail
{
    public string? HookId { get; init; }

    public string? TargetType { get; init; }

    public string? TargetArn { get; init; }

    public string? Status { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public string? TimeoutAction { get; init; }
}
