using EcsOperator.Aws;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Clusters;
using EcsOperator.Reconcilers.Services;
using EcsOperator.Reconcilers.TaskDefinitions;
using EcsOperator.Reconcilers.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EcsOperator.Hosting;

/// <summary>DI wiring of the operator: Kubernetes client and informers, AWS clients, and the controllers.</summary>
public static class OperatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything the operator runs: the Kubernetes client (configured by <paramref name="kubernetes"/>),
    /// the AWS clients (<paramref name="aws"/>), the controller host and one controller per kind.
    /// </summary>
    public static IServiceCollection AddEcsOperator(this IServiceCollection services,
        Action<OperatorOptions>? configure = null,
        Action<KubernetesClientOptions>? kubernetes = null,
        Action<AwsClientOptions>? aws = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<OperatorOptions>();
        if (configure is not null)
            builder.Configure(configure);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOptions<InformerOptions>>(sp => Options.Create(new InformerOptions
        {
            Namespaces = sp.GetRequiredService<IOptions<OperatorOptions>>().Value.Namespaces,
        }));
        services.AddKubernetesClient(kubernetes);
        services.AddEcsOperatorAws(aws);
        services.AddKubernetesControllers();
        services.AddOptions<ControllerHostOptions>().Configure<IOptions<OperatorOptions>>((host, op) => host.LeaderElection = op.Value.LeaderElection);
        services.TryAddSingleton(sp => new ClusterIdentity(sp.GetRequiredService<IKubernetesClient>(), sp.GetRequiredService<IOptions<OperatorOptions>>().Value.ClusterId));

        // One line per kind; each registration lives next to its reconciler.
        services.AddTaskDefinitionController();
        services.AddClusterController();
        services.AddServiceController();
        services.AddTaskController();
        return services;
    }
}
