using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.Authentication;

namespace EcsOperator.Kubernetes.Config;

/// <summary>
/// In-cluster configuration from the pod's service account, built from KubernetesClient's own pieces
/// (<see cref="TokenFileAuth"/> re-reads the rotated token every minute). The
/// library's <c>InClusterConfig()</c> hard-codes the directory; this takes it from <see cref="InClusterConfigPaths"/>
/// so a moved mount and tests work, and names the missing piece.
/// </summary>
public static class InClusterConfigLoader
{
    /// <summary>Whether KUBERNETES_SERVICE_HOST and _PORT are set.</summary>
    public static bool IsInCluster(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        return !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")) && !string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_PORT"));
    }

    public static KubernetesClientConfiguration Load(InClusterConfigPaths? paths = null, Func<string, string?>? environment = null)
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
            throw new KubernetesConfigException(null, "KUBERNETES_SERVICE_PORT", $"'{port}' is not a TCP port");
        if (!File.Exists(paths.TokenPath))
            throw new KubernetesConfigException(paths.TokenPath, null, "service-account token file not found (is automountServiceAccountToken off?)");
        if (!File.Exists(paths.CaPath))
            throw new KubernetesConfigException(paths.CaPath, null, "service-account CA bundle not found");

        var ns = File.Exists(paths.NamespacePath) ? File.ReadAllText(paths.NamespacePath).Trim() : string.Empty;
        try
        {
            return new KubernetesClientConfiguration
            {
                // UriBuilder brackets an IPv6 host.
                Host = new UriBuilder(Uri.UriSchemeHttps, host, portNumber).Uri.ToString(),
                TokenProvider = new TokenFileAuth(paths.TokenPath),
                SslCaCerts = LoadCaBundle(paths.CaPath),
                Namespace = ns.Length == 0 ? "default" : ns,
            };
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or UriFormatException or IOException)
        {
            throw new KubernetesConfigException(paths.CaPath, null, $"cannot load the in-cluster configuration: {e.Message}", e);
        }
    }

    private static X509Certificate2Collection LoadCaBundle(string path)
    {
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(File.ReadAllText(path));
        return bundle.Count == 0 ? throw new KubernetesConfigException(path, null, "the CA bundle contains no PEM CERTIFICATE") : bundle;
    }
}
