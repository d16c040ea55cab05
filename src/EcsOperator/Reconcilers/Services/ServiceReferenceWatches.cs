using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Reconcilers.Managed;

namespace EcsOperator.Reconcilers.Services;

/// <summary>
/// Enqueues the EcsServices that reference an EcsTaskDefinition or EcsCluster (found through informer indexes on the
/// service cache) when what they use of it changes: a task definition appears, goes, or gets a new current revision
/// (so each new revision rolls exactly once, not on every status write of it); a cluster appears, goes, or changes
/// its name or readiness.
/// </summary>
public static class ServiceReferenceWatches
{
    /// <summary>Index of the EcsService cache: <c>namespace/name</c> of the EcsTaskDefinition a service references.</summary>
    public const string TaskDefinitionRefIndex = "taskDefinitionRef";

    /// <summary>Index of the EcsService cache: <c>namespace/name</c> of the EcsCluster a service references.</summary>
    public const string ClusterRefIndex = "clusterRef";

    /// <summary>Adds the indexes to <paramref name="services"/> (before the controller is built on it).</summary>
    public static void AddIndexes(Informer<EcsService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddIndex(TaskDefinitionRefIndex, s => s.Spec.TaskDefinitionRef is { } r ? [$"{s.Metadata.Namespace}/{r.Name}"] : []);
        services.AddIndex(ClusterRefIndex, s => s.Spec.ClusterRef is { } r ? [$"{s.Metadata.Namespace}/{r.Name}"] : []);
    }

    /// <summary>Makes <paramref name="controller"/> reconcile referencing services on the changes that matter to them.</summary>
    public static void Watch(Controller<EcsService> controller, Informer<EcsTaskDefinition> taskDefinitions, Informer<EcsCluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(taskDefinitions);
        ArgumentNullException.ThrowIfNull(clusters);

        // Only what a service reads of them wakes it: a task definition's revision and readiness for its generation
        // (so each new revision rolls exactly once, not on every status write of it); a cluster's name and readiness.
        // Readiness.ForDependants adds observed-for-generation (a service waits without a status write until its
        // reference has been looked at, so that first status write must wake it) and the Stalled reason (a service
        // names a reference that got stuck on a newer spec).
        controller.Watches(taskDefinitions, controller.ByIndex<EcsTaskDefinition>(TaskDefinitionRefIndex, Key),
            UpdatePredicates.Changed<EcsTaskDefinition, (string?, (bool, bool, string?))>(td => (td.Status?.TaskDefinitionArn, Readiness.ForDependants(td.Metadata, td.Status))));
        controller.Watches(clusters, controller.ByIndex<EcsCluster>(ClusterRefIndex, Key),
            UpdatePredicates.Changed<EcsCluster, (string?, (bool, bool, string?))>(c => (c.Status?.ClusterName, Readiness.ForDependants(c.Metadata, c.Status))));
    }

    private static string Key(IKubernetesObject obj) => $"{obj.Metadata.Namespace}/{obj.Metadata.Name}";
}
