using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

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

        // Registered as watched (so the controller waits for their caches) with no mapping of its own: the handlers
        // below enqueue only on relevant changes.
        controller.Watches(taskDefinitions, _ => []);
        controller.Watches(clusters, _ => []);

        var byTaskDefinition = controller.ByIndex<EcsTaskDefinition>(TaskDefinitionRefIndex, Key);
        taskDefinitions.AddEventHandler(new ResourceEventHandler<EcsTaskDefinition>
        {
            OnAdd = td => Enqueue(controller, byTaskDefinition(td)),
            OnUpdate = (old, td) =>
            {
                if (old.Status?.TaskDefinitionArn != td.Status?.TaskDefinitionArn)
                    Enqueue(controller, byTaskDefinition(td));
            },
            OnDelete = (td, _) => Enqueue(controller, byTaskDefinition(td)),
        });

        var byCluster = controller.ByIndex<EcsCluster>(ClusterRefIndex, Key);
        clusters.AddEventHandler(new ResourceEventHandler<EcsCluster>
        {
            OnAdd = c => Enqueue(controller, byCluster(c)),
            OnUpdate = (old, c) =>
            {
                if (old.Status?.ClusterName != c.Status?.ClusterName || IsReady(old) != IsReady(c))
                    Enqueue(controller, byCluster(c));
            },
            OnDelete = (c, _) => Enqueue(controller, byCluster(c)),
        });
    }

    private static bool IsReady(EcsCluster cluster) => ConditionSet.IsTrue(cluster.Status?.Conditions, ConditionTypes.Ready);

    private static string Key(IKubernetesObject obj) => $"{obj.Metadata.Namespace}/{obj.Metadata.Name}";

    private static void Enqueue(Controller<EcsService> controller, IEnumerable<ObjectKey> keys)
    {
        foreach (var key in keys)
            controller.Enqueue(key);
    }
}
