namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// A regional grouping of one or more container instances where you can run task requests. Each account receives a
/// default cluster the first time you use the Amazon ECS service, but you may also create other clusters.
/// </summary>
public sealed record Cluster
{
    public string? ClusterArn { get; init; }

    public string? ClusterName { get; init; }

    public ClusterConfiguration? Configuration { get; init; }

    public string? Status { get; init; }

    public int? RegisteredContainerInstancesCount { get; init; }

    public int? RunningTasksCount { get; init; }

    public int? PendingTasksCount { get; init; }

    public int? ActiveServicesCount { get; init; }

    public IReadOnlyList<NameValuePair>? Statistics { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }

    public IReadOnlyList<ClusterSetting>? Settings { get; init; }

    public IReadOnlyList<string>? CapacityProviders { get; init; }

    public IReadOnlyList<CapacityProviderStrategyItem>? DefaultCapacityProviderStrategy { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public string? AttachmentsStatus { get; init; }

    public ClusterServiceConnectDefaults? ServiceConnectDefaults { get; init; }
}
