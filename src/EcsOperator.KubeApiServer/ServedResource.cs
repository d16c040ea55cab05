using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>One served resource (group/version/plural) and the behaviour the server gives it.</summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version, e.g. <c>v1</c>.</param>
/// <param name="Plural">Resource name in URLs, e.g. <c>configmaps</c>.</param>
/// <param name="Kind">Kind, e.g. <c>ConfigMap</c>.</param>
/// <param name="Namespaced">Namespaced or cluster-scoped.</param>
public sealed record ServedResource(string Group, string Version, string Plural, string Kind, bool Namespaced)
{
    /// <summary>Has the <c>/status</c> subresource: main writes ignore <c>.status</c>, status writes ignore everything else.</summary>
    public bool HasStatus { get; init; }

    /// <summary>Has the <c>/scale</c> subresource (listed in discovery; scale reads/writes are not served).</summary>
    public bool HasScale { get; init; }

    /// <summary>Maintains <c>metadata.generation</c> (custom resources do; ConfigMap, Event, Lease, Namespace do not).</summary>
    public bool TracksGeneration { get; init; }

    /// <summary>PUT without <c>metadata.resourceVersion</c> is accepted (ConfigMap and most built-ins); custom resources reject it.</summary>
    public bool AllowUnconditionalUpdate { get; init; }

    /// <summary>Whether list items carry kind/apiVersion: custom resource lists do, typed built-in lists do not.</summary>
    public bool ListItemsHaveTypeMeta { get; init; }

    /// <summary>How <c>metadata.name</c> is validated.</summary>
    public NameRule NameRule { get; init; } = NameRule.DnsSubdomain;

    /// <summary>Fields besides metadata.name / metadata.namespace usable in field selectors (dotted paths).</summary>
    public IReadOnlyList<string> SelectableFields { get; init; } = [];

    /// <summary>openAPIV3Schema of a custom resource version; null means no schema processing.</summary>
    public JsonObject? Schema { get; init; }

    /// <summary>Singular name (discovery).</summary>
    public string? Singular { get; init; }

    /// <summary>Short names (discovery).</summary>
    public IReadOnlyList<string> ShortNames { get; init; } = [];

    /// <summary>Categories (discovery).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The CRD version's additionalPrinterColumns, for <c>kubectl get</c> tables.</summary>
    public IReadOnlyList<TableColumn> PrinterColumns { get; init; } = [];

    /// <summary><c>group/version</c>, or <c>v1</c> for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>
    /// Storage identity shared by all versions of a resource; <see cref="SharedStorage"/> when two groups serve one
    /// store (core/v1 and events.k8s.io/v1 Events, as in kube-apiserver).
    /// </summary>
    internal string StorageKey => SharedStorage ?? $"{Group}/{Plural}";

    /// <summary>The storage key of another group's resource this one is a view of (null: its own).</summary>
    internal string? SharedStorage { get; init; }

    /// <summary>Whether <paramref name="field"/> may appear in a field selector.</summary>
    public bool SupportsFieldSelector(string field) =>
        field == "metadata.name" || (Namespaced && field == "metadata.namespace") || SelectableFields.Contains(field);

    /// <summary>A custom resource type with kube's custom-resource behaviour.</summary>
    public static ServedResource Custom(string group, string version, string plural, string kind, bool namespaced = true, bool hasStatus = true) =>
        new(group, version, plural, kind, namespaced)
        {
            HasStatus = hasStatus,
            TracksGeneration = true,
            AllowUnconditionalUpdate = false,
            ListItemsHaveTypeMeta = true,
        };

    /// <summary>A built-in kind the way kube serves it (no generation, unconditional PUT allowed, typed lists).</summary>
    public static ServedResource BuiltIn(string group, string version, string plural, string kind, bool namespaced = true) =>
        new(group, version, plural, kind, namespaced)
        {
            AllowUnconditionalUpdate = true,
            ListItemsHaveTypeMeta = false,
        };
}
