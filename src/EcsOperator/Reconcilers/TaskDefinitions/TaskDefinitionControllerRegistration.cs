using EcsOperator.Api;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Ecs;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcsOperator.Reconcilers.TaskDefinitions;

/// <summary>DI wiring of the EcsTaskDefinition controller.</summary>
public static class TaskDefinitionControllerRegistration
{
    public static IServiceCollection AddTaskDefinitionController(this IServiceCollection services)
    {
        // Without the service controller only the configured clusters (else "default") are asked; AddServiceController
        // replaces this with the clusters of all EcsServices plus the configured ones.
        services.TryAddSingleton<ITaskDefinitionUsage>(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<OperatorOptions>>().Value.UsageClusters;
            IReadOnlyList<string> clusters = configured.Count > 0 ? configured : ["default"];
            return new EcsTaskDefinitionUsage(sp.GetRequiredService<IEcsApi>(), _ => Task.FromResult(clusters));
        });
        services.TryAddSingleton(sp => new EcsTaskDefinitionReconciler(
            sp.GetRequiredService<IKubernetesClient>(),
            sp.GetRequiredService<IEcsApi>(),
            sp.GetRequiredService<ITaskDefinitionUsage>(),
            sp.GetRequiredService<IEventRecorder>(),
            sp.GetRequiredService<ClusterIdentity>(),
            sp.GetRequiredService<IOptions<OperatorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EcsTaskDefinitionReconciler>>()));
        services.AddController(sp =>
        {
            var informers = sp.GetRequiredService<SharedInformerFactory>();
            var taskDefinitions = informers.For(OperatorResourceTypes.TaskDefinitions, ApiJsonContext.Default.EcsTaskDefinition);
            return OperatorControllers.Create(sp, EcsTaskDefinition.KindName, taskDefinitions, sp.GetRequiredService<EcsTaskDefinitionReconciler>());
        });
        return services;
    }
}
