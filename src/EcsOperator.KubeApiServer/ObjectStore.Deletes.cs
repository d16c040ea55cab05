using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>Deletion: preconditions, finalizers, collections and namespace termination.</summary>
internal sealed partial class ObjectStore
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<string> Finalizers(JsonObject metadata) =>
        (metadata["finalizers"] as JsonArray)?.Select(f => (string?)f).OfType<string>().ToList() ?? [];

    public JsonObject Delete(ServedResource type, string? ns, string name, DeleteOptions options, bool dryRun)
    {
        if (options.PropagationPolicy is not (null or "Orphan" or "Background" or "Foreground"))
        {
            throw KubeErrors.Invalid("meta.k8s.io", "DeleteOptions", "",
                [new FieldError(FieldErrorType.NotSupported, "propagationPolicy", options.PropagationPolicy, "supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")]);
        }

        lock (_gate)
        {
            var old = GetStored(type, ns, name);
            var oldMeta = Meta(old);
            // rest.BeforeDelete names the Kind (not the plural) in these conflicts.
            if (options.PreconditionUid is { } uid && uid != Str(oldMeta, "uid"))
            {
                throw KubeErrors.Conflict(type.Group, type.Kind, name,
                    $"the UID in the precondition ({uid}) does not match the UID in record ({Str(oldMeta, "uid")}). The object might have been deleted and then recreated");
            }

            if (options.PreconditionResourceVersion is { } rv && rv != Str(oldMeta, "resourceVersion"))
            {
                throw KubeErrors.Conflict(type.Group, type.Kind, name,
                    $"the ResourceVersion in the precondition ({rv}) does not match the ResourceVersion in record ({Str(oldMeta, "resourceVersion")}). The object might have been modified");
            }

            return dryRun ? Present(old, type) : DeleteLocked(type, ns, name, old);
        }
    }

    private JsonObject DeleteLocked(ServedResource type, string? ns, string name, JsonObject old)
    {
        var key = Key(ns, name);
        var oldMeta = Meta(old);
        var isNamespace = type.StorageKey == _registry.Namespaces.StorageKey;
        if (oldMeta["deletionTimestamp"] is not null)
        {
            // Already being deleted: nothing changes.
            return Present(old, type);
        }

        if (Finalizers(oldMeta).Count > 0 || isNamespace)
        {
            var obj = old.DeepClone().AsObject();
            var metadata = Meta(obj);
            _resourceVersion++;
            metadata["deletionTimestamp"] = Now();
            metadata["deletionGracePeriodSeconds"] = 0;
            if (metadata["generation"] is { } generation && JsonNumbers.ToLong(generation) > 0)
            {
                metadata["generation"] = JsonNumbers.ToLong(generation) + 1;
            }

            metadata["resourceVersion"] = Rv(_resourceVersion);
            if (isNamespace)
            {
                obj["status"] = new JsonObject { ["phase"] = "Terminating" };
            }

            obj = JsonNumbers.Normalize(obj);
            Bucket(type)[key] = obj;
            Record(type, key, ns, "MODIFIED", obj, old);
            if (isNamespace)
            {
                DeleteNamespaceContent(name);
                return Present(Bucket(type).TryGetValue(key, out var left) ? left : obj, type);
            }

            return Present(obj, type);
        }

        _resourceVersion++;
        var deleted = old.DeepClone().AsObject();
        Meta(deleted)["resourceVersion"] = Rv(_resourceVersion);
        Bucket(type).Remove(key);
        Record(type, key, ns, "DELETED", deleted, old);
        AfterRemoval(type, ns);
        var details = new JsonObject { ["name"] = name };
        if (type.Group.Length > 0)
        {
            details["group"] = type.Group;
        }

        details["kind"] = type.Plural;
        details["uid"] = Str(oldMeta, "uid");
        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    public JsonObject DeleteCollection(ServedResource type, string? ns, LabelSelector labels, FieldSelector fields, DeleteOptions options)
    {
        lock (_gate)
        {
            var items = new JsonArray();
            foreach (var (key, obj) in Bucket(type).ToList())
            {
                if ((ns is not null && !key.StartsWith(ns + "/", StringComparison.Ordinal)) || !labels.Matches(obj) || !fields.Matches(EventViews.Convert(obj, type) ?? obj))
                {
                    continue;
                }

                var name = Str(Meta(obj), "name")!;
                var result = DeleteLocked(type, ns ?? Str(Meta(obj), "namespace"), name, obj);
                items.Add((string?)result["kind"] == "Status" ? Present(obj, type) : result);
            }

            _ = options;
            return new JsonObject
            {
                ["apiVersion"] = type.ApiVersion,
                ["kind"] = type.Kind + "List",
                ["metadata"] = new JsonObject { ["resourceVersion"] = Rv(_resourceVersion) },
                ["items"] = items,
            };
        }
    }

    private void DeleteNamespaceContent(string ns)
    {
        foreach (var type in _registry.All.Where(t => t.Namespaced).DistinctBy(t => t.StorageKey))
        {
            foreach (var (key, obj) in Bucket(type).Where(p => p.Key.StartsWith(ns + "/", StringComparison.Ordinal)).ToList())
            {
                _ = key;
                DeleteLocked(type, ns, Str(Meta(obj), "name")!, obj);
            }
        }

        FinishNamespaceIfEmpty(ns);
    }

    private void AfterRemoval(ServedResource type, string? ns)
    {
        if (type.Namespaced && ns is not null)
        {
            FinishNamespaceIfEmpty(ns);
        }
    }

    private void FinishNamespaceIfEmpty(string ns)
    {
        var namespaces = _registry.Namespaces;
        if (!Bucket(namespaces).TryGetValue(ns, out var nsObj) || nsObj["metadata"]?["deletionTimestamp"] is null)
        {
            return;
        }

        var prefix = ns + "/";
        if (_data.Values.Any(bucket => bucket.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal))))
        {
            return;
        }

        _resourceVersion++;
        var deleted = nsObj.DeepClone().AsObject();
        deleted["spec"] = new JsonObject();
        Meta(deleted)["resourceVersion"] = Rv(_resourceVersion);
        Bucket(namespaces).Remove(ns);
        Record(namespaces, ns, null, "DELETED", deleted, nsObj);
    }
}
