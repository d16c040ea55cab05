namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Information about a set of Amazon ECS tasks in either an CodeDeploy or an EXTERNAL deployment.
/// </summary>
public sealed record TaskSet
{
    public string? Id { get; init; }

    public string? TaskSetArn { get; init; }

    public string? ServiceArn { get; init; }

    public string? ClusterArn { get; init; }

    public string? StartedBy { get; init; }

    public string? ExternalId { get; init; }

    public string? Status { get; init; }

    public string? TaskDefinition { get; init; }

    public int? ComputedDesiredCount { get; init; }

    public int? PendingCount { get; init; }

    public int? RunningCount { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? LaunchType { get; init; }

    public IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }

    public string? PlatformVersion { get; init; }

    public string? PlatformFamily { get; init; }

    public NetworkConfiguration? NetworkConfiguration { get; init; }

    public IReadOnlyList<LoadBalancer>? LoadBalancers { get; init; }

    public IReadOnlyList<ServiceRegistry>? ServiceRegistries { get; init; }

    public Scale? Scale { get; init; }

    public string? StabilityStatus { get; init; }

    public DateTimeOffset? StabilityStatusAt { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }

    public DeploymentEphemeralStorage? FargateEphemeralStorage { get; init; }
}
