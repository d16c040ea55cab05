namespace EcsOperator.KubeApiServer;

/// <summary>What a request asks for, as kube's RequestInfo sees it (used by fault injection, delays and counters).</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">URL path.</param>
/// <param name="Verb">get, list, watch, create, update, patch, delete, deletecollection; for non-resource paths the lower-case method.</param>
/// <param name="Group">API group ("" for core); null for non-resource paths.</param>
/// <param name="Version">API version; null for non-resource paths.</param>
/// <param name="Resource">Plural resource; null for non-resource paths.</param>
/// <param name="Subresource">e.g. status; null when none.</param>
/// <param name="Namespace">Namespace from the path; null when none.</param>
/// <param name="Name">Object name from the path; null when none.</param>
public sealed record KubeRequest(
    string Method,
    string Path,
    string Verb,
    string? Group,
    string? Version,
    string? Resource,
    string? Subresource,
    string? Namespace,
    string? Name)
{
    /// <summary>True for API resource requests (not discovery, /version, /healthz).</summary>
    public bool IsResourceRequest => Resource is not null;
}
