using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>The resource types the server serves. Register types before or while the server runs.</summary>
public sealed class ResourceRegistry
{
    private readonly ConcurrentDictionary<(string Group, string Version, string Plural), ServedResource> _types = new();

    internal ResourceRegistry()
    {
        Register(ServedResource.BuiltIn("", "v1", "namespaces", "Namespace", namespaced: false) with
        {
            HasStatus = true,
            NameRule = NameRule.DnsLabel,
            Singular = "namespace",
            ShortNames = ["ns"],
            SelectableFields = ["status.phase"],
        });
        Register(ServedResource.BuiltIn("", "v1", "configmaps", "ConfigMap") with { Singular = "configmap", ShortNames = ["cm"] });
        // One store for both Event APIs, as in kube-apiserver: what the operator writes through events.k8s.io/v1 is what
        // kubectl describe reads through core/v1 (EventViews converts the fields).
        Register(ServedResource.BuiltIn("", "v1", "events", "Event") with
        {
            SharedStorage = EventViews.StorageKey,
            NameRule = NameRule.PathSegment,
            Singular = "event",
            ShortNames = ["ev"],
            SelectableFields =
            [
                "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath",
                "reason", "reportingComponent", "source", "type",
            ],
        });
        Register(ServedResource.BuiltIn("events.k8s.io", "v1", "events", "Event") with
        {
            NameRule = NameRule.PathSegment,
            Singular = "event",
            ShortNames = ["ev"],
            SelectableFields =
            [
                "regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "regarding.apiVersion",
                "regarding.resourceVersion", "regarding.fieldPath", "reason", "reportingController", "type",
            ],
        });
        Register(ServedResource.BuiltIn("coordination.k8s.io", "v1", "leases", "Lease") with { Singular = "lease" });
    }

    /// <summary>Adds or replaces a resource type.</summary>
    public void Register(ServedResource type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _types[(type.Group, type.Version, type.Plural)] = type;
    }

    /// <summary>Registers every served version of every CustomResourceDefinition in the YAML (multi-document allowed).</summary>
    /// <returns>The registered types.</returns>
    public IReadOnlyList<ServedResource> RegisterCrdYaml(string yaml)
    {
        var registered = new List<ServedResource>();
        foreach (var doc in YamlToJson.ParseDocuments(yaml))
        {
            if (doc is JsonObject crd && (string?)crd["kind"] == "CustomResourceDefinition")
            {
                foreach (var type in CrdReader.Read(crd))
                {
                    Register(type);
                    registered.Add(type);
                }
            }
        }

        if (registered.Count == 0)
        {
            throw new ArgumentException("the YAML holds no apiextensions.k8s.io/v1 CustomResourceDefinition with a served version", nameof(yaml));
        }

        return registered;
    }

    /// <summary>Registers the CRDs in a YAML file.</summary>
    public IReadOnlyList<ServedResource> RegisterCrdFile(string path) => RegisterCrdYaml(File.ReadAllText(path));

    /// <summary>Looks a type up by group, version and plural.</summary>
    public ServedResource? Find(string group, string version, string plural) =>
        _types.TryGetValue((group, version, plural), out var t) ? t : null;

    /// <summary>All registered types.</summary>
    public IReadOnlyList<ServedResource> All =>
        _types.Values.OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Version, StringComparer.Ordinal)
            .ThenBy(t => t.Plural, StringComparer.Ordinal).ToList();

    /// <summary>The namespace type.</summary>
    internal ServedResource Namespaces => Find("", "v1", "namespaces")!;
}
