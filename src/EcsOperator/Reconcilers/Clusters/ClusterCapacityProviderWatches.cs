using EcsOperator.Api;
using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Reconcilers.Managed;
using Microsoft.Extensions.DependencyInjection;

namespace EcsOperator.Reconcilers.Clusters;

/// <summary>
/// Wakes the EcsClusters that list an EcsCapacityProvider in <c>capacityProviderRefs</c> when what they read of it
/// changes: it appears or goes, its ECS name, its readiness for its generation, or the reason it is Stalled for it
/// (the cluster's message names a provider stuck on its spec).
/// </summary>
public static class ClusterCapacityProviderWatches
{
    /// <summary>Index of the EcsCluster cache: <c>namespace/name</c> of each EcsCapacityProvider a cluster references.</summary>
    public const string CapacityProviderRefIndex = "capacityProviderRef";

    /// <summary>The <c>watches</c> callback of the EcsCluster registration.</summary>
    public static void Watch(Controller<EcsCluster> controller, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(services);
        controller.Informer.AddIndex(CapacityProviderRefIndex,
            c => (c.Spec.CapacityProviderRefs ?? []).Select(r => $"{c.Metadata.Namespace}/{r.Name}"));
        var providers = services.GetRequiredService<SharedInformerFactory>()
            .For(OperatorResourceTypes.CapacityProviders, ApiJsonContext.Default.EcsCapacityProvider);
        controller.Watches(providers, controller.ByIndex<EcsCapacityProvider>(CapacityProviderRefIndex, p => $"{p.Metadata.Namespace}/{p.Metadata.Name}"),
            UpdatePredicates.Changed<EcsCapacityProvider, (string?, (bool, bool, string?))>(p => (p.Status?.Name, Readiness.ForDependants(p.Metadata, p.Status))));
    }
}
