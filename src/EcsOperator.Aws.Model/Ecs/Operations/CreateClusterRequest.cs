namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>CreateCluster</c> operation. Creates a new Amazon ECS cluster. By default, your account
/// receives a default cluster when you launch your first container instance.
/// </summary>
public sealed record CreateClusterRequest
{
    /// <summary>
    /// The cluster name (up to 255 letters, numbers, hyphens and underscores). Without one, a cluster named default
    /// is created.
    /// </summary>
    public string? ClusterName { get; init; }

    /// <summary>
    /// Tags for the cluster, identified by key (at most 50).
    /// </summary>
    [SchemaLength(0, 50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// Cluster settings, identified by name (Container Insights).
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<ClusterSetting>? Settings { get; init; }

    /// <summary>
    /// The ECS Exec and managed storage configuration of the cluster.
    /// </summary>
    public ClusterConfiguration? Configuration { get; init; }

    /// <summary>
    /// Short names of the capacity providers (FARGATE, FARGATE_SPOT or Auto Scaling group providers) to associate
    /// with the cluster.
    /// </summary>
    [SetList]
    public IReadOnlyList<string>? CapacityProviders { get; init; }

    /// <summary>
    /// The strategy used by CreateService and RunTask calls that give neither a strategy nor a launch type.
    /// </summary>
    [ListKey("capacityProvider")]
    public IReadOnlyList<CapacityProviderStrategyItem>? DefaultCapacityProviderStrategy { get; init; }

    /// <summary>
    /// The Cloud Map namespace new Service Connect services in the cluster join by default.
    /// </summary>
    public ClusterServiceConnectDefaultsRequest? ServiceConnectDefaults { get; init; }
}
