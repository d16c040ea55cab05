namespace EcsOperator.Kubernetes.Config;

/// <summary>Picks in-cluster or kubeconfig configuration from <see cref="KubernetesClientOptions"/>.</summary>
public static class KubernetesConfigResolver
{
    public static KubernetesClientConfiguration Resolve(KubernetesClientOptions options, Func<string, string?>? environment = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Configuration is not null)
        {
            return options.Configuration;
        }

        var inCluster = options.InCluster ?? (options.KubeConfigPaths is null && options.Context is null && InClusterConfigLoader.IsInCluster(environment));
        return inCluster
            ? InClusterConfigLoader.Load(options.InClusterPaths, environment, timeProvider)
            : KubeConfigLoader.Load(options.KubeConfigPaths, options.Context, environment, timeProvider);
    }
}
