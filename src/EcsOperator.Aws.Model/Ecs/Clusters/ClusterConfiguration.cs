namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The execute command and managed storage configuration for the cluster.
/// </summary>
public sealed record ClusterConfiguration
{
    /// <summary>
    /// The details of the execute command configuration.
    /// </summary>
    public ExecuteCommandConfiguration? ExecuteCommandConfiguration { get; init; }

    /// <summary>
    /// The details of the managed storage configuration.
    /// </summary>
    public ManagedStorageConfiguration? ManagedStorageConfiguration { get; init; }
}
