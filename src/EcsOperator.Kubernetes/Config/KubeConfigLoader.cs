using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcsOperator.Kubernetes.Config;

/// <summary>
/// Reads kubeconfig files the way kubectl does: KUBECONFIG may list several files, merged so that the first file to
/// set a value (current-context, or a named cluster / user / context) wins; relative paths resolve against the file
/// that contains them.
/// </summary>
public static class KubeConfigLoader
{
    /// <summary>The files kubectl would read: KUBECONFIG's entries, else <c>~/.kube/config</c>.</summary>
    public static IReadOnlyList<string> DefaultPaths(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var kubeconfig = environment("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(kubeconfig))
        {
            return kubeconfig.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return [Path.Combine(home, ".kube", "config")];
    }

    /// <summary>
    /// Loads the configuration of <paramref name="context"/> (or current-context). With several
    /// <paramref name="paths"/>, missing files are skipped like kubectl does; with one, a missing file is an error.
    /// </summary>
    public static KubernetesClientConfiguration Load(IReadOnlyList<string>? paths = null, string? context = null,
        Func<string, string?>? environment = null, TimeProvider? timeProvider = null)
    {
        paths ??= DefaultPaths(environment);
        var merged = new Merged();
        var read = new List<string>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                if (paths.Count == 1)
                {
                    throw new KubernetesConfigException(path, null, "kubeconfig file not found");
                }

                continue;
            }

            read.Add(path);
            ReadFile(path, merged);
        }

        var fileList = string.Join(Path.PathSeparator, paths);
        if (read.Count == 0)
        {
            throw new KubernetesConfigException(fileList, null, "none of the kubeconfig files exists");
        }

        var contextName = context ?? merged.CurrentContext?.Value;
        if (string.IsNullOrEmpty(contextName))
        {
            throw new KubernetesConfigException(fileList, "current-context", "is not set and no context was given");
        }

        if (!merged.Contexts.TryGetValue(contextName, out var ctx))
        {
            throw new KubernetesConfigException(context is null ? merged.CurrentContext?.File : fileList,
                context is null ? "current-context" : "contexts", $"context '{contextName}' is not defined");
        }

        var ctxField = $"contexts[{contextName}].context";
        var clusterName = Str(ctx.Node, "cluster", ctx.File, ctxField)
            ?? throw new KubernetesConfigException(ctx.File, $"{ctxField}.cluster", "is required");
        if (!merged.Clusters.TryGetValue(clusterName, out var cluster))
        {
            throw new KubernetesConfigException(ctx.File, $"{ctxField}.cluster", $"cluster '{clusterName}' is not defined");
        }

        var userName = Str(ctx.Node, "user", ctx.File, ctxField);
        Entry? user = null;
        if (!string.IsNullOrEmpty(userName) && !merged.Users.TryGetValue(userName, out user))
        {
            throw new KubernetesConfigException(ctx.File, $"{ctxField}.user", $"user '{userName}' is not defined");
        }

        var ns = Str(ctx.Node, "namespace", ctx.File, ctxField);
        var config = ReadCluster(clusterName, cluster);
        return config with
        {
            Credentials = user is null ? StaticCredentials.Anonymous : ReadUser(userName!, user, timeProvider),
            Namespace = string.IsNullOrEmpty(ns) ? "default" : ns,
            Source = $"kubeconfig context '{contextName}' ({string.Join(Path.PathSeparator, read)})",
        };
    }

    private static KubernetesClientConfiguration ReadCluster(string name, Entry entry)
    {
        var field = $"clusters[{name}].cluster";
        var server = Str(entry.Node, "server", entry.File, field)
            ?? throw new KubernetesConfigException(entry.File, $"{field}.server", "is required");
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new KubernetesConfigException(entry.File, $"{field}.server", $"'{server}' is not an http(s) URL");
        }

        X509Certificate2Collection? ca = null;
        var caData = Str(entry.Node, "certificate-authority-data", entry.File, field);
        var caFile = Str(entry.Node, "certificate-authority", entry.File, field);
        if (!string.IsNullOrEmpty(caData))
        {
            var f = $"{field}.certificate-authority-data";
            ca = CertificateLoader.LoadCaBundle(CertificateLoader.DecodeData(caData, entry.File, f), entry.File, f);
        }
        else if (!string.IsNullOrEmpty(caFile))
        {
            var f = $"{field}.certificate-authority";
            ca = CertificateLoader.LoadCaBundle(CertificateLoader.ReadFile(Resolve(caFile, entry.File), entry.File, f), entry.File, f);
        }

        return new KubernetesClientConfiguration
        {
            Server = uri,
            CaCertificates = ca,
            InsecureSkipTlsVerify = Bool(entry.Node, "insecure-skip-tls-verify", entry.File, field),
            TlsServerName = Str(entry.Node, "tls-server-name", entry.File, field),
        };
    }

    private static KubernetesCredentials ReadUser(string name, Entry entry, TimeProvider? timeProvider)
    {
        var field = $"users[{name}].user";
        var node = entry.Node;
        if (node.Children.ContainsKey("auth-provider"))
        {
            throw new KubernetesConfigException(entry.File, $"{field}.auth-provider", "auth-provider plugins are not supported; use an exec plugin");
        }

        if (node.Children.ContainsKey("username") || node.Children.ContainsKey("password"))
        {
            throw new KubernetesConfigException(entry.File, $"{field}.username", "basic authentication is not supported; use a token, client certificate or exec plugin");
        }

        if (node.Children.TryGetValue("exec", out var execNode))
        {
            return new ExecCredentials(ReadExec(execNode, entry.File, $"{field}.exec"), timeProvider);
        }

        X509Certificate2? certificate = null;
        var certPem = DataOrFile(node, "client-certificate", entry.File, field);
        var keyPem = DataOrFile(node, "client-key", entry.File, field);
        if (certPem is not null || keyPem is not null)
        {
            if (certPem is null)
            {
                throw new KubernetesConfigException(entry.File, $"{field}.client-certificate-data", "is required when a client key is given");
            }

            if (keyPem is null)
            {
                throw new KubernetesConfigException(entry.File, $"{field}.client-key-data", "is required when a client certificate is given");
            }

            certificate = CertificateLoader.LoadClientCertificate(certPem, keyPem, entry.File, $"{field}.client-certificate/client-key");
        }

        var token = Str(node, "token", entry.File, field);
        var tokenFile = Str(node, "tokenFile", entry.File, field);
        if (string.IsNullOrEmpty(token) && !string.IsNullOrEmpty(tokenFile))
        {
            var path = Resolve(tokenFile, entry.File);
            if (!File.Exists(path))
            {
                throw new KubernetesConfigException(entry.File, $"{field}.tokenFile", $"'{path}' does not exist");
            }

            return new TokenFileCredentials(path, timeProvider: timeProvider, clientCertificate: certificate);
        }

        return new StaticCredentials(string.IsNullOrEmpty(token) ? null : token, certificate);
    }

    private static ExecConfig ReadExec(YamlNode node, string file, string field)
    {
        if (node is not YamlMappingNode map)
        {
            throw new KubernetesConfigException(file, field, "must be a mapping");
        }

        var apiVersion = Str(map, "apiVersion", file, field) ?? throw new KubernetesConfigException(file, $"{field}.apiVersion", "is required");
        var command = Str(map, "command", file, field) ?? throw new KubernetesConfigException(file, $"{field}.command", "is required");
        var args = new List<string>();
        if (map.Children.TryGetValue("args", out var argsNode) && argsNode is not YamlScalarNode { Value: null or "" or "null" })
        {
            if (argsNode is not YamlSequenceNode seq)
            {
                throw new KubernetesConfigException(file, $"{field}.args", "must be a list of strings");
            }

            args.AddRange(seq.Children.Select((a, i) => a is YamlScalarNode s
                ? s.Value ?? string.Empty
                : throw new KubernetesConfigException(file, $"{field}.args[{i}]", "must be a string")));
        }

        var env = new List<KeyValuePair<string, string>>();
        if (map.Children.TryGetValue("env", out var envNode) && envNode is not YamlScalarNode { Value: null or "" or "null" })
        {
            if (envNode is not YamlSequenceNode seq)
            {
                throw new KubernetesConfigException(file, $"{field}.env", "must be a list of {name, value}");
            }

            for (var i = 0; i < seq.Children.Count; i++)
            {
                if (seq.Children[i] is not YamlMappingNode e)
                {
                    throw new KubernetesConfigException(file, $"{field}.env[{i}]", "must be a mapping with name and value");
                }

                var envName = Str(e, "name", file, $"{field}.env[{i}]") ?? throw new KubernetesConfigException(file, $"{field}.env[{i}].name", "is required");
                env.Add(new(envName, Str(e, "value", file, $"{field}.env[{i}]") ?? string.Empty));
            }
        }

        return new ExecConfig
        {
            ApiVersion = apiVersion,
            Command = command,
            Args = args,
            Env = env,
            InstallHint = Str(map, "installHint", file, field),
            SourceFile = file,
            Field = field,
        };
    }

    private static string? DataOrFile(YamlMappingNode node, string key, string file, string field)
    {
        // client-go: inline -data takes precedence over the file path.
        var data = Str(node, $"{key}-data", file, field);
        if (!string.IsNullOrEmpty(data))
        {
            return CertificateLoader.DecodeData(data, file, $"{field}.{key}-data");
        }

        var path = Str(node, key, file, field);
        return string.IsNullOrEmpty(path) ? null : CertificateLoader.ReadFile(Resolve(path, file), file, $"{field}.{key}");
    }

    private static string Resolve(string path, string file)
    {
        if (path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]);
        }

        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", path));
    }

    private static void ReadFile(string path, Merged merged)
    {
        YamlStream yaml = [];
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new KubernetesConfigException(path, null, $"is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new KubernetesConfigException(path, null, $"cannot be read: {e.Message}", e);
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return; // an empty kubeconfig is valid and contributes nothing
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new KubernetesConfigException(path, null, "must be a YAML mapping (apiVersion, clusters, users, contexts, ...)");
        }

        var current = Str(root, "current-context", path, null);
        if (merged.CurrentContext is null && !string.IsNullOrEmpty(current))
        {
            merged.CurrentContext = (current, path);
        }

        ReadNamed(root, "clusters", "cluster", path, merged.Clusters);
        ReadNamed(root, "users", "user", path, merged.Users);
        ReadNamed(root, "contexts", "context", path, merged.Contexts);
    }

    private static void ReadNamed(YamlMappingNode root, string listKey, string itemKey, string file, Dictionary<string, Entry> into)
    {
        if (!root.Children.TryGetValue(listKey, out var listNode) || listNode is YamlScalarNode { Value: null or "" or "null" })
        {
            return;
        }

        if (listNode is not YamlSequenceNode list)
        {
            throw new KubernetesConfigException(file, listKey, $"must be a list of {{name, {itemKey}}}");
        }

        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"{listKey}[{i}]";
            if (list.Children[i] is not YamlMappingNode item)
            {
                throw new KubernetesConfigException(file, field, $"must be a mapping with name and {itemKey}");
            }

            var name = Str(item, "name", file, field);
            if (string.IsNullOrEmpty(name))
            {
                throw new KubernetesConfigException(file, $"{field}.name", "is required");
            }

            YamlMappingNode body;
            if (!item.Children.TryGetValue(itemKey, out var bodyNode) || bodyNode is YamlScalarNode { Value: null or "" or "null" })
            {
                body = [];
            }
            else
            {
                body = bodyNode as YamlMappingNode ?? throw new KubernetesConfigException(file, $"{listKey}[{name}].{itemKey}", "must be a mapping");
            }

            // First file to define a name wins (kubectl merge rule).
            into.TryAdd(name, new Entry(body, file));
        }
    }

    private static string? Str(YamlMappingNode node, string key, string file, string? field)
    {
        if (!node.Children.TryGetValue(key, out var value))
        {
            return null;
        }

        return value switch
        {
            YamlScalarNode { Value: "null" or "~" } s when s.Style == YamlDotNet.Core.ScalarStyle.Plain => null,
            YamlScalarNode s => s.Value,
            _ => throw new KubernetesConfigException(file, field is null ? key : $"{field}.{key}", "must be a string"),
        };
    }

    private static bool Bool(YamlMappingNode node, string key, string file, string field)
    {
        var text = Str(node, key, file, field);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        return bool.TryParse(text, out var b) ? b : throw new KubernetesConfigException(file, $"{field}.{key}",
            string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a boolean (true/false)"));
    }

    private sealed record Entry(YamlMappingNode Node, string File);

    private sealed class Merged
    {
        public (string Value, string File)? CurrentContext { get; set; }

        public Dictionary<string, Entry> Clusters { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Entry> Users { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Entry> Contexts { get; } = new(StringComparer.Ordinal);
    }
}
