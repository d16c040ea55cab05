using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Principals;
using EcsOperator.Core.Tenancy;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Managed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcsOperator.Reconcilers.Tasks;

/// <summary>
/// DI wiring of the EcsTask controller. It also watches EcsTaskDefinitions and EcsClusters, so a task waiting for a
/// referenced object runs as soon as that object's status names its revision or cluster.
/// </summary>
public static class TaskControllerRegistration
{
    private const string ByTaskDefinitionRef = "taskDefinitionRef";
    private const string ByClusterRef = "clusterRef";

    public static IServiceCollection AddTaskController(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new EcsTaskReconciler(
            sp.GetRequiredService<IKubernetesClient>(),
            sp.GetRequiredService<IAwsClientsForNamespace>(),
            sp.GetRequiredService<INamespaceTenancySource>(),
            sp.GetRequiredService<ReferenceResolver>(),
            sp.GetRequiredService<IEventRecorder>(),
            sp.GetRequiredService<KubernetesClusterId>(),
            sp.GetRequiredService<IOptions<OperatorOptions>>().Value,
            sp.GetRequiredService<RequeuePolicy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EcsTaskReconciler>>()));
        services.AddController(sp =>
        {
            var informers = sp.GetRequiredService<SharedInformerFactory>();
            var tasks = informers.For(OperatorResourceTypes.Tasks, ApiJsonContext.Default.EcsTask);
            tasks.AddIndex(ByTaskDefinitionRef, t => t.Spec.TaskDefinitionRef is { } r ? [Key(t.Metadata, r.Name)] : []);
            tasks.AddIndex(ByClusterRef, t => t.Spec.ClusterRef is { } r ? [Key(t.Metadata, r.Name)] : []);
            var controller = OperatorControllers.Create(sp, EcsTask.KindName, tasks, sp.GetRequiredService<EcsTaskReconciler>());
            var taskDefinitions = informers.For(OperatorResourceTypes.TaskDefinitions, ApiJsonContext.Default.EcsTaskDefinition);
            // Only what a waiting task reads wakes it: the revision, readiness for the generation, whether its
            // controller has looked at that generation at all (a task waits without a word until it has), and the
            // reason it is Stalled for it (the task's message names a reference stuck on its spec, as a service's does).
            controller.Watches(taskDefinitions, controller.ByIndex<EcsTaskDefinition>(ByTaskDefinitionRef, td => Key(td.Metadata, td.Metadata.Name!)),
                UpdatePredicates.Changed<EcsTaskDefinition, (string?, (bool, bool, string?))>(td => (td.Status?.TaskDefinitionArn, Readiness.ForDependants(td.Metadata, td.Status))));
            var clusters = informers.For(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
            controller.Watches(clusters, controller.ByIndex<EcsCluster>(ByClusterRef, c => Key(c.Metadata, c.Metadata.Name!)),
                UpdatePredicates.Changed<EcsCluster, (string?, (bool, bool, string?))>(c => (c.Status?.ClusterArn, Readiness.ForDependants(c.Metadata, c.Status))));
            return controller;
        });
        return services;
    }

    private static string Key(ObjectMeta metadata, string name) => $"{metadata.Namespace}/{name}";
}
