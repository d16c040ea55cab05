using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace EcsOperator.Kubernetes.Config;

/// <summary>
/// Picks in-cluster or kubeconfig configuration from <see cref="KubernetesClientOptions"/> and returns
/// KubernetesClient's <see cref="KubernetesClientConfiguration"/> (server, TLS, token provider, exec plugin, client
/// certificate), with the library's errors turned into a <see cref="KubernetesConfigException"/> naming the files.
/// </summary>
public static class KubernetesConfigResolver
{
    public static KubernetesClientConfiguration Resolve(KubernetesClientOptions options, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Configuration is not null)
            return options.Configuration;

        var inCluster = options.InCluster ?? (options.KubeConfigPaths is null && options.Context is null && InClusterConfigLoader.IsInCluster(environment));
        return inCluster ? InClusterConfigLoader.Load(options.InClusterPaths, environment) : FromKubeConfig(options.KubeConfigPaths, options.Context, environment);
    }

    /// <summary>The configuration of <paramref name="context"/> (or current-context) in the merged kubeconfig files.</summary>
    public static KubernetesClientConfiguration FromKubeConfig(IReadOnlyList<string>? paths = null, string? context = null, Func<string, string?>? environment = null)
    {
        paths ??= KubeConfigFiles.DefaultPaths(environment);
        var merged = KubeConfigFiles.LoadMerged(paths);
        var files = string.Join(Path.PathSeparator, paths);
        if (string.IsNullOrEmpty(context ?? merged.CurrentContext))
            throw new KubernetesConfigException(files, "current-context", "is not set and no context was given");
        AllowAnonymousUser(merged, context ?? merged.CurrentContext!);
        try
        {
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, context);
            if (!configuration.SkipTlsVerify && CaBundle(merged, context ?? merged.CurrentContext!) is { } bundle)
                configuration.SslCaCerts = bundle;
            configuration.Namespace = string.IsNullOrEmpty(configuration.Namespace) ? "default" : configuration.Namespace;
            return configuration;
        }
        catch (Exception e) when (e is KubeConfigException or KubernetesClientException or IOException or UnauthorizedAccessException
            or FormatException or System.Security.Cryptography.CryptographicException)
        {
            // Exec plugin failures arrive here too: the library runs the plugin once while building the configuration.
            throw new KubernetesConfigException(files, null, e.Message, e);
        }
    }

    /// <summary>
    /// Every certificate of the cluster's certificate-authority(-data), as kubectl trusts them: the library keeps only
    /// the first PEM block of a bundle, so a server signed by a later CA (a CA being rotated in) was rejected.
    /// </summary>
    private static X509Certificate2Collection? CaBundle(K8SConfiguration merged, string contextName)
    {
        var clusterName = merged.Contexts.FirstOrDefault(c => string.Equals(c.Name, contextName, StringComparison.OrdinalIgnoreCase))?.ContextDetails?.Cluster;
        var endpoint = merged.Clusters.FirstOrDefault(c => string.Equals(c.Name, clusterName, StringComparison.OrdinalIgnoreCase))?.ClusterEndpoint;
        string pem;
        if (!string.IsNullOrEmpty(endpoint?.CertificateAuthorityData))
            pem = Encoding.UTF8.GetString(Convert.FromBase64String(endpoint.CertificateAuthorityData));
        else if (!string.IsNullOrEmpty(endpoint?.CertificateAuthority))
            pem = File.ReadAllText(endpoint.CertificateAuthority);
        else
            return null;
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(pem);
        return bundle.Count == 0 ? null : bundle;
    }

    /// <summary>
    /// kubectl sends no credentials for a user entry without any (a test or proxy endpoint); the library rejects such
    /// an entry, so the context is pointed at no user instead.
    /// </summary>
    private static void AllowAnonymousUser(K8SConfiguration merged, string contextName)
    {
        var context = merged.Contexts.FirstOrDefault(c => string.Equals(c.Name, contextName, StringComparison.OrdinalIgnoreCase));
        if (context?.ContextDetails?.User is not { Length: > 0 } userName)
            return;
        var user = merged.Users.FirstOrDefault(u => string.Equals(u.Name, userName, StringComparison.OrdinalIgnoreCase));
        var c = user?.UserCredentials;
        if (user is not null && (c is null || (string.IsNullOrEmpty(c.Token) && string.IsNullOrEmpty(c.UserName) && string.IsNullOrEmpty(c.ClientCertificateData)
            && string.IsNullOrEmpty(c.ClientCertificate) && c.AuthProvider is null && c.ExternalExecution is null)))
        {
            context.ContextDetails.User = null;
        }
    }
}
