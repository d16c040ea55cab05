using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>CreateCluster</c> operation. Creates a new Amazon ECS cluster. By default, your account
/// receives a default cluster when you launch your first container instance.
/// </summary>
public sealed record CreateClusterRequest
{
    /// <summary>
    /// The name of your cluster. If you don't specify a name for your cluster, you create a cluster that's named
    /// default.
    /// </summary>
    public string? ClusterName { get; init; }

    /// <summary>
    /// The metadata that you apply to the cluster to help you categorize and organize them. Each tag consists of a
    /// key and an optional value.
    /// </summary>
    [Length(0, 50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// The setting to use when creating a cluster. This parameter is used to turn on CloudWatch Container Insights
    /// for a cluster.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<ClusterSetting>? Settings { get; init; }

    /// <summary>
    /// The execute command configuration for the cluster.
    /// </summary>
    public ClusterConfiguration? Configuration { get; init; }

    /// <summary>
    /// The short name of one or more capacity providers to associate with the cluster. A capacity provider must be
    /// associated with a cluster before it can be included as part of the default capacity provider strategy of the
    /// cluster or used in a capacity provider strategy when calling the CreateService or RunTask actions.
    /// </summary>
    [SetList]
    public IReadOnlyList<string>? CapacityProviders { get; init; }

    /// <summary>
    /// The capacity provider strategy to set as the default for the cluster. After a default capacity provider
    /// strategy is set for a cluster, when you call the CreateService or RunTask APIs with no capacity provider
    /// strategy or launch type specified, the default capacity provider strategy for the cluster is used. If a
    /// default capacity provider strategy isn't defined for a cluster when it was created, it can be defined later
    /// with the PutClusterCapacityProviders API operation.
    /// </summary>
    [ListKey("capacityProvider")]
    public IReadOnlyList<CapacityProviderStrategyItem>? DefaultCapacityProviderStrategy { get; init; }

    /// <summary>
    /// Use this parameter to set a default Service Connect namespace. After you set a default Service Connect
    /// namespace, any new services with Service Connect turned on that are created in the cluster are added as
    /// client services in the namespace. You can set the namespace of each service individually in the
    /// ServiceConnectConfiguration to override this default parameter.
    /// </summary>
    public ClusterServiceConnectDefaultsRequest? ServiceConnectDefaults { get; init; }
}
