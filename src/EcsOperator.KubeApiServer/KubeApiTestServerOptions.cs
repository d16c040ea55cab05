namespace EcsOperator.KubeApiServer;

/// <summary>Settings of a <see cref="KubeApiTestServer"/>.</summary>
public sealed record KubeApiTestServerOptions
{
    /// <summary>When set, every request except health checks must send <c>Authorization: Bearer {token}</c> or gets 401.</summary>
    public string? BearerToken { get; init; }

    /// <summary>Serve HTTPS with a certificate from a throwaway CA (see <see cref="KubeApiTestServer.Certificates"/>).</summary>
    public bool UseTls { get; init; }

    /// <summary>Accept client certificates issued by the throwaway CA as authentication (implies TLS). With this or a
    /// bearer token set, requests carrying neither get 401 like kube with anonymous auth off.</summary>
    public bool ClientCertificateAuth { get; init; }

    /// <summary>Creating a namespaced object in a missing namespace creates the namespace (kube answers 404). Default on.</summary>
    public bool AutoCreateNamespaces { get; init; } = true;

    /// <summary>How many changes are kept for watches and continue tokens; older resourceVersions get 410 Expired.</summary>
    public int HistoryWindow { get; init; } = 10_000;

    /// <summary>The resourceVersion counter starts above this value.</summary>
    public long InitialResourceVersion { get; init; } = 1000;

    /// <summary>How often watches with allowWatchBookmarks get a BOOKMARK; null disables periodic bookmarks.</summary>
    public TimeSpan? BookmarkInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a watch without timeoutSeconds stays open before the server ends it (kube: 30-60 min).</summary>
    public TimeSpan DefaultWatchTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Namespaces that exist at start (kube has these).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <summary>Extra resource types to serve.</summary>
    public IReadOnlyList<ServedResource> Resources { get; init; } = [];

    /// <summary>CRD YAML files whose served versions are registered at start.</summary>
    public IReadOnlyList<string> CrdFiles { get; init; } = [];

    /// <summary>Clock for creation and deletion timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Reported by /version as gitVersion (major/minor derive from it).</summary>
    public string KubernetesVersion { get; init; } = "v1.34.0";

    /// <summary>Loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Keep every request in <see cref="KubeApiTestServer.Requests"/> (tests count them). Off for long-running use
    /// such as the playground, where the log would only grow.
    /// </summary>
    public bool RecordRequests { get; init; } = true;
}
