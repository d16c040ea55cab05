using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcsOperator.Hosting;

/// <summary>Builds each kind's controller the same way: named after the kind, with the configured workers, clock and logger.</summary>
internal static class OperatorControllers
{
    public static Controller<T> Create<T>(IServiceProvider services, string kind, Informer<T> informer, IReconciler<T> reconciler)
        where T : class, IKubernetesObject =>
        new(kind.ToLowerInvariant(), informer, reconciler,
            new ControllerOptions { Workers = services.GetRequiredService<IOptions<OperatorOptions>>().Value.Workers },
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger("EcsOperator.Controller." + kind));
}
