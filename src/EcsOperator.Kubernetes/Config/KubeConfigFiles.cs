using k8s;
using k8s.KubeConfigModels;

namespace EcsOperator.Kubernetes.Config;

/// <summary>
/// The kubeconfig files kubectl would read and their merge (KUBECONFIG may list several; the first file to define
/// current-context or a named cluster / user / context wins). Parsing is KubernetesClient's; the merge is ours only
/// because the library's multi-file loader is internal, and because each file's relative paths must resolve against
/// that file's own directory, which the library's merge does not do.
/// </summary>
public static class KubeConfigFiles
{
    /// <summary>KUBECONFIG's entries, else <c>~/.kube/config</c>.</summary>
    public static IReadOnlyList<string> DefaultPaths(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var kubeconfig = environment("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(kubeconfig))
            return kubeconfig.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return [Path.Combine(home, ".kube", "config")];
    }

    /// <summary>
    /// Reads and merges <paramref name="paths"/>. With several, missing files are skipped like kubectl does; with
    /// one, a missing file is an error.
    /// </summary>
    public static K8SConfiguration LoadMerged(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        K8SConfiguration? merged = null;
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                if (paths.Count == 1)
                    throw new KubernetesConfigException(path, null, "kubeconfig file not found");
                continue;
            }

            var file = Load(path);
            if (merged is null)
            {
                merged = file;
                continue;
            }

            merged.CurrentContext ??= file.CurrentContext;
            merged.Clusters = FirstWins(merged.Clusters, file.Clusters, c => c.Name);
            merged.Users = FirstWins(merged.Users, file.Users, u => u.Name);
            merged.Contexts = FirstWins(merged.Contexts, file.Contexts, c => c.Name);
        }

        return merged ?? throw new KubernetesConfigException(string.Join(Path.PathSeparator, paths), null, "none of the kubeconfig files exists");
    }

    private static K8SConfiguration Load(string path)
    {
        K8SConfiguration file;
        try
        {
            file = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(path), useRelativePaths: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // YamlDotNet and the library throw several types; the user needs the file and the parser's words.
            throw new KubernetesConfigException(path, null, $"cannot read the kubeconfig: {e.Message}", e);
        }

        file.Clusters ??= [];
        file.Users ??= [];
        file.Contexts ??= [];
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string? Absolute(string? p) => string.IsNullOrEmpty(p) || Path.IsPathRooted(p) ? p : Path.GetFullPath(Path.Combine(directory, p));
        foreach (var cluster in file.Clusters.Where(c => c.ClusterEndpoint is not null))
            cluster.ClusterEndpoint.CertificateAuthority = Absolute(cluster.ClusterEndpoint.CertificateAuthority);
        foreach (var user in file.Users.Where(u => u.UserCredentials is not null))
        {
            user.UserCredentials.ClientCertificate = Absolute(user.UserCredentials.ClientCertificate);
            user.UserCredentials.ClientKey = Absolute(user.UserCredentials.ClientKey);
            // kubectl: an exec command with a path separator is relative to the kubeconfig; a bare name uses PATH.
            if (user.UserCredentials.ExternalExecution is { Command: { } command } exec && command.Contains('/', StringComparison.Ordinal))
                exec.Command = Absolute(command);
        }

        return file;
    }

    private static List<T> FirstWins<T>(IEnumerable<T> first, IEnumerable<T> second, Func<T, string> name)
    {
        var result = first.ToList();
        var names = result.Select(name).ToHashSet(StringComparer.Ordinal);
        result.AddRange(second.Where(item => names.Add(name(item))));
        return result;
    }
}
