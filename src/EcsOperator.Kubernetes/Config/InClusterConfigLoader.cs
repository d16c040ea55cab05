namespace EcsOperator.Kubernetes.Config;

/// <summary>In-cluster configuration from the pod's service account, like client-go's rest.InClusterConfig.</summary>
public static class InClusterConfigLoader
{
    /// <summary>Whether KUBERNETES_SERVICE_HOST and _PORT are set.</summary>
    public static bool IsInCluster(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")) && !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_PORT"));
    }

    public static KubernetesClientConfiguration Load(InClusterConfigPaths? paths = null, Func<string, string?>? environment = null, TimeProvider? timeProvider = null)
    {
        paths ??= new InClusterConfigPaths();
        environment ??= Environment.GetEnvironmentVariable;
        var host = environment("KUBERNETES_SERVICE_HOST");
        var port = environment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubernetesConfigException(null, "KUBERNETES_SERVICE_HOST/KUBERNETES_SERVICE_PORT",
                "not running in a cluster: both environment variables must be set (or use a kubeconfig)");
        }

        if (!int.TryParse(port, out var portNumber) || portNumber is <= 0 or > 65535)
        {
            throw new KubernetesConfigException(null, "KUBERNETES_SERVICE_PORT", $"'{port}' is not a TCP port");
        }

        var hostPart = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        if (!Uri.TryCreate($"https://{hostPart}:{portNumber}", UriKind.Absolute, out var server))
        {
            throw new KubernetesConfigException(null, "KUBERNETES_SERVICE_HOST", $"'{host}' is not a valid host");
        }

        if (!File.Exists(paths.TokenPath))
        {
            throw new KubernetesConfigException(paths.TokenPath, null, "service-account token file not found (is automountServiceAccountToken off?)");
        }

        var ca = File.Exists(paths.CaPath)
            ? CertificateLoader.LoadCaBundle(CertificateLoader.ReadFile(paths.CaPath, paths.CaPath, "ca.crt"), paths.CaPath, "ca.crt")
            : throw new KubernetesConfigException(paths.CaPath, null, "service-account CA bundle not found");
        var ns = File.Exists(paths.NamespacePath) ? File.ReadAllText(paths.NamespacePath).Trim() : string.Empty;

        return new KubernetesClientConfiguration
        {
            Server = server,
            CaCertificates = ca,
            Credentials = new TokenFileCredentials(paths.TokenPath, timeProvider: timeProvider),
            Namespace = ns.Length == 0 ? "default" : ns,
            Source = "in-cluster service account",
        };
    }
}
