using EcsOperator.Api.Shared;
using EcsOperator.Aws.Principals;
using EcsOperator.Core.Tenancy;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>DI wiring of a managed kind: its external client, the skeleton around it, and its controller.</summary>
public static class ManagedControllerRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> (a singleton built by DI), a <see cref="ManagedReconciler{T,TStatus,TLive}"/>
    /// around it, and a controller on the kind's shared informer (also resolvable as <see cref="Controller{T}"/>, for
    /// a resync source that feeds its queue); <paramref name="watches"/> adds watches on the kinds it references.
    /// </summary>
    public static IServiceCollection AddManagedController<T, TStatus, TLive, [System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>(this IServiceCollection services,
        Action<Controller<T>, IServiceProvider>? watches = null)
        where T : class, IKubernetesObject
        where TStatus : class, IEcsStatus
        where TClient : ExternalClient<T, TStatus, TLive>
    {
        ArgumentNullException.ThrowIfNull(services);
        // The controller watches the kind's shared informer; the reconciler's status writer reads its cache.
        static Informer<T> SharedInformerOf(IServiceProvider sp)
        {
            var kind = sp.GetRequiredService<TClient>().Kind;
            return sp.GetRequiredService<SharedInformerFactory>().For(kind.Resource, kind.TypeInfo);
        }

        services.TryAddSingleton<TClient>();
        services.TryAddSingleton(sp => new ManagedReconciler<T, TStatus, TLive>(
            sp.GetRequiredService<TClient>(),
            sp.GetRequiredService<IKubernetesClient>(),
            sp.GetRequiredService<IAwsClientsForNamespace>(),
            sp.GetRequiredService<INamespaceTenancySource>(),
            sp.GetRequiredService<IEventRecorder>(),
            sp.GetRequiredService<KubernetesClusterId>(),
            sp.GetRequiredService<RequeuePolicy>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("EcsOperator.Reconcilers." + typeof(T).Name),
            SharedInformerOf(sp).Cache));
        services.TryAddSingleton(sp =>
        {
            var informer = SharedInformerOf(sp);
            var controller = OperatorControllers.Create(sp, sp.GetRequiredService<TClient>().Kind.Name, informer, sp.GetRequiredService<ManagedReconciler<T, TStatus, TLive>>());
            watches?.Invoke(controller, sp);
            return controller;
        });
        services.AddController(sp => sp.GetRequiredService<Controller<T>>());
        return services;
    }
}
