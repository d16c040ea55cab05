using EcsOperator.Api;
using EcsOperator.Api.Clusters;
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

namespace EcsOperator.Reconcilers.Clusters;

/// <summary>DI wiring of the EcsCluster controller.</summary>
public static class ClusterControllerRegistration
{
    public static IServiceCollection AddClusterController(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new EcsClusterReconciler(
            sp.GetRequiredService<IKubernetesClient>(),
            sp.GetRequiredService<IEcsApi>(),
            sp.GetRequiredService<IEventRecorder>(),
            sp.GetRequiredService<ClusterIdentity>(),
            sp.GetRequiredService<IOptions<OperatorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EcsClusterReconciler>>()));
        services.AddController(sp =>
        {
            var informers = sp.GetRequiredService<SharedInformerFactory>();
            var clusters = informers.For(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
            return OperatorControllers.Create(sp, EcsCluster.KindName, clusters, sp.GetRequiredService<EcsClusterReconciler>());
        });
        return services;
    }
}
