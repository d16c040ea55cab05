using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>UpdateCluster</c> operation. Updates the cluster.
/// </summary>
public sealed record UpdateClusterRequest
{
    /// <summary>
    /// The name of the cluster to modify the settings for.
    /// </summary>
    [Required]
    public string? Cluster { get; init; }

    /// <summary>
    /// The cluster settings for your cluster.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<ClusterSetting>? Settings { get; init; }

    /// <summary>
    /// The execute command configuration for the cluster.
    /// </summary>
    public ClusterConfiguration? Configuration { get; init; }

    /// <summary>
    /// Use this parameter to set a default Service Connect namespace. After you set a default Service Connect
    /// namespace, any new services with Service Connect turned on that are created in the cluster are added as
    /// client services in the namespace. You can set the namespace of each service individually in the
    /// ServiceConnectConfiguration to override this default parameter.
    /// </summary>
    public ClusterServiceConnectDefaultsRequest? ServiceConnectDefaults { get; init; }
}
