using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsOperator.Testing.KubeApi;

/// <summary>
/// The server's storage: every object of every kind behind one lock and one monotonic resourceVersion counter,
/// plus the window of recent changes that watches and continue tokens are served from.
/// </summary>
internal sealed class ObjectStore
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private readonly object _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _data = new(StringComparer.Ordinal);
    private readonly LinkedList<Change> _history = new();
    private readonly List<Watcher> _watchers = [];
    private readonly ResourceRegistry _registry;
    private readonly TimeProvider _time;
    private long _resourceVersion;
    private long _compactedResourceVersion;
    private int _historyWindow;

    public ObjectStore(ResourceRegistry registry, TimeProvider time, long initialResourceVersion, int historyWindow)
    {
        _registry = registry;
        _time = time;
        _resourceVersion = initialResourceVersion;
        _compactedResourceVersion = initialResourceVersion;
        _historyWindow = historyWindow;
    }

    public bool AutoCreateNamespaces { get; set; }

    public long CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _resourceVersion;
            }
        }
    }

    public int HistoryWindow
    {
        get
        {
            lock (_gate)
            {
                return _historyWindow;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (_gate)
            {
                _historyWindow = value;
                TrimHistory();
            }
        }
    }

    public int WatcherCount
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    private static string Rv(long rv) => rv.ToString(CultureInfo.InvariantCulture);

    private static string Key(string? ns, string name) => ns is null ? name : $"{ns}/{name}";

    private SortedDictionary<string, JsonObject> Bucket(ResourceType type)
    {
        if (!_data.TryGetValue(type.StorageKey, out var bucket))
        {
            bucket = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
            _data[type.StorageKey] = bucket;
        }

        return bucket;
    }

    /// <summary>A copy of a stored object as served for <paramref name="type"/>'s version.</summary>
    public static JsonObject Present(JsonObject stored, ResourceType type)
    {
        var copy = new JsonObject { ["apiVersion"] = type.ApiVersion, ["kind"] = type.Kind };
        foreach (var (key, value) in stored)
        {
            if (key is not ("apiVersion" or "kind"))
            {
                copy[key] = value?.DeepClone();
            }
        }

        return copy;
    }

    private static JsonObject Meta(JsonObject obj) => obj["metadata"] as JsonObject ?? throw KubeErrors.BadRequest("metadata must be an object");

    private static string? Str(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- reads

    public JsonObject Get(ResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            return Present(GetStored(type, ns, name), type);
        }
    }

    public JsonObject? TryGet(ResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            return Bucket(type).TryGetValue(Key(ns, name), out var obj) ? Present(obj, type) : null;
        }
    }

    private JsonObject GetStored(ResourceType type, string? ns, string name) =>
        Bucket(type).TryGetValue(Key(ns, name), out var obj) ? obj : throw KubeErrors.NotFound(type.Group, type.Plural, name);

    public JsonObject List(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, int? limit, string? continueToken, string? resourceVersion, string? resourceVersionMatch)
    {
        lock (_gate)
        {
            long listRv = _resourceVersion;
            var start = string.Empty;
            if (!string.IsNullOrEmpty(continueToken))
            {
                (listRv, start) = DecodeContinue(continueToken);
            }
            else if (resourceVersionMatch == "Exact")
            {
                listRv = ParseRv(resourceVersion);
            }

            if (listRv < _compactedResourceVersion)
            {
                throw continueToken is null
                    ? KubeErrors.Expired($"too old resource version: {listRv} ({_compactedResourceVersion})")
                    : KubeErrors.Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.");
            }

            var snapshot = Snapshot(type, listRv);
            var items = new JsonArray();
            string? lastKey = null;
            var remaining = 0;
            foreach (var (key, obj) in snapshot)
            {
                if (string.CompareOrdinal(key, start) < 0 || (ns is not null && !key.StartsWith(ns + "/", StringComparison.Ordinal))
                    || !labels.Matches(obj) || !fields.Matches(obj))
                {
                    continue;
                }

                if (limit is > 0 && items.Count >= limit)
                {
                    remaining++;
                    continue;
                }

                var item = Present(obj, type);
                if (!type.ListItemsHaveTypeMeta)
                {
                    item.Remove("apiVersion");
                    item.Remove("kind");
                }

                items.Add(item);
                lastKey = key;
            }

            var metadata = new JsonObject { ["resourceVersion"] = Rv(listRv) };
            if (remaining > 0)
            {
                metadata["continue"] = EncodeContinue(listRv, lastKey + "\u0000");
                if (labels == LabelSelector.Everything && fields == FieldSelector.Everything)
                {
                    // kube only knows the remaining count when nothing is filtered out.
                    metadata["remainingItemCount"] = remaining;
                }
            }

            return new JsonObject
            {
                ["apiVersion"] = type.ApiVersion,
                ["kind"] = type.Kind + "List",
                ["metadata"] = metadata,
                ["items"] = items,
            };
        }
    }

    private static long ParseRv(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
            ? rv
            : throw KubeErrors.BadRequest($"invalid resource version: \"{text}\"") ;

    private static string EncodeContinue(long rv, string start)
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = rv, ["start"] = start }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static (long Rv, string Start) DecodeContinue(string token)
    {
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - (b64.Length % 4)) % 4);
            var obj = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(b64))) as JsonObject;
            if ((string?)obj?["v"] == "meta.k8s.io/v1" && obj["rv"] is JsonValue rv && obj["start"] is JsonValue start)
            {
                return (rv.GetValue<long>(), start.GetValue<string>());
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            // falls through to the error below
        }

        throw KubeErrors.BadRequest($"continue key is not valid: {token}");
    }

    /// <summary>The objects of a kind as they were at <paramref name="rv"/>, rebuilt by undoing later changes.</summary>
    private SortedDictionary<string, JsonObject> Snapshot(ResourceType type, long rv)
    {
        var current = Bucket(type);
        if (rv >= _resourceVersion)
        {
            return current;
        }

        var snapshot = new SortedDictionary<string, JsonObject>(current, StringComparer.Ordinal);
        for (var node = _history.Last; node is not null && node.Value.ResourceVersion > rv; node = node.Previous)
        {
            var change = node.Value;
            if (change.StorageKey != type.StorageKey)
            {
                continue;
            }

            if (change.Previous is null)
            {
                snapshot.Remove(change.Key);
            }
            else
            {
                snapshot[change.Key] = change.Previous;
            }
        }

        return snapshot;
    }

    // ---------------------------------------------------------------- writes

    private void Record(ResourceType type, string key, string? ns, string eventType, JsonObject obj, JsonObject? previous)
    {
        var change = new Change(_resourceVersion, type.StorageKey, key, ns, eventType, obj, previous);
        _history.AddLast(change);
        TrimHistory();
        foreach (var watcher in _watchers)
        {
            watcher.Deliver(change);
        }
    }

    private void TrimHistory()
    {
        while (_history.Count > _historyWindow)
        {
            _compactedResourceVersion = _history.First!.Value.ResourceVersion;
            _history.RemoveFirst();
        }
    }

    private void CheckTypeMeta(ResourceType type, JsonObject body)
    {
        var apiVersion = Str(body, "apiVersion");
        var kind = Str(body, "kind");
        if (apiVersion is not null && apiVersion.Length > 0 && apiVersion != type.ApiVersion)
        {
            throw KubeErrors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})");
        }

        if (kind is not null && kind.Length > 0 && kind != type.Kind)
        {
            throw KubeErrors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({type.Kind})");
        }

        if (body["metadata"] is null)
        {
            body["metadata"] = new JsonObject();
        }
        else if (body["metadata"] is not JsonObject)
        {
            throw KubeErrors.BadRequest("metadata must be an object");
        }
    }

    private static void CheckNamespace(ResourceType type, JsonObject metadata, string? ns)
    {
        var bodyNs = Str(metadata, "namespace");
        if (type.Namespaced)
        {
            if (!string.IsNullOrEmpty(bodyNs) && bodyNs != ns)
            {
                throw KubeErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = ns;
        }
        else
        {
            metadata.Remove("namespace");
        }
    }

    private void EnsureNamespaceAcceptsContent(ResourceType type, string ns, string name)
    {
        var namespaces = _registry.Namespaces;
        if (!Bucket(namespaces).TryGetValue(ns, out var nsObj))
        {
            if (!AutoCreateNamespaces)
            {
                throw KubeErrors.NotFound("", "namespaces", ns);
            }

            _resourceVersion++;
            nsObj = NewNamespace(ns);
            Bucket(namespaces)[ns] = nsObj;
            Record(namespaces, ns, null, "ADDED", nsObj, null);
        }

        if (nsObj["metadata"]?["deletionTimestamp"] is not null)
        {
            var ex = KubeErrors.Forbidden(type.Group, type.Plural, name, $"unable to create new content in namespace {ns} because it is being terminated");
            ex.Details!["causes"] = new JsonArray(new JsonObject
            {
                ["reason"] = "NamespaceTerminating",
                ["message"] = $"namespace {ns} is being terminated",
                ["field"] = "metadata.namespace",
            });
            throw ex;
        }
    }

    private JsonObject NewNamespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["uid"] = Guid.NewGuid().ToString(),
            ["resourceVersion"] = Rv(_resourceVersion),
            ["creationTimestamp"] = Now(),
            ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = name },
        },
        ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
        ["status"] = new JsonObject { ["phase"] = "Active" },
    };

    private static List<FieldError> ValidateName(ResourceType type, string name) =>
        NameValidation.Errors(type.NameRule, name).Select(m => new FieldError(FieldErrorType.Invalid, "metadata.name", name, m)).ToList();

    private static void ThrowIfInvalid(ResourceType type, string name, List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw KubeErrors.Invalid(type.Group, type.Kind, name, errors);
        }
    }

    public JsonObject Create(ResourceType type, string? ns, JsonObject body, bool dryRun)
    {
        var obj = body.DeepClone().AsObject();
        CheckTypeMeta(type, obj);
        var metadata = Meta(obj);
        CheckNamespace(type, metadata, ns);
        if (!string.IsNullOrEmpty(Str(metadata, "resourceVersion")))
        {
            throw KubeErrors.BadRequest("resourceVersion should not be set on objects to be created");
        }

        lock (_gate)
        {
            var name = Str(metadata, "name") ?? string.Empty;
            var generateName = Str(metadata, "generateName") ?? string.Empty;
            if (name.Length == 0 && generateName.Length == 0)
            {
                ThrowIfInvalid(type, name, [new FieldError(FieldErrorType.Required, "metadata.name", null, "name or generateName is required")]);
            }

            if (name.Length == 0)
            {
                // kube retries name generation internally on a collision.
                do
                {
                    var prefix = generateName.Length > 58 ? generateName[..58] : generateName;
                    name = prefix + new string(Enumerable.Range(0, 5).Select(_ => GenerateNameAlphabet[Random.Shared.Next(GenerateNameAlphabet.Length)]).ToArray());
                }
                while (Bucket(type).ContainsKey(Key(ns, name)));
                metadata["name"] = name;
            }

            var errors = ValidateName(type, name);
            if (type.HasStatus && type.Schema is not null)
            {
                // Custom resources with a status subresource drop status on create.
                obj.Remove("status");
            }

            if (type.StorageKey == _registry.Namespaces.StorageKey)
            {
                obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] = new JsonObject { ["phase"] = "Active" };
                var labels = metadata["labels"] as JsonObject ?? [];
                labels["kubernetes.io/metadata.name"] = name;
                metadata["labels"] = labels;
            }

            if (type.Schema is not null)
            {
                errors.AddRange(StructuralSchema.Process(obj, type.Schema));
            }

            ThrowIfInvalid(type, name, errors);
            var key = Key(ns, name);
            if (Bucket(type).ContainsKey(key))
            {
                throw KubeErrors.AlreadyExists(type.Group, type.Plural, name);
            }

            if (type.Namespaced)
            {
                EnsureNamespaceAcceptsContent(type, ns!, name);
            }

            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Now();
            metadata.Remove("deletionTimestamp");
            metadata.Remove("deletionGracePeriodSeconds");
            metadata.Remove("selfLink");
            if (type.TracksGeneration)
            {
                metadata["generation"] = 1;
            }
            else
            {
                metadata.Remove("generation");
            }

            if (dryRun)
            {
                return Present(obj, type);
            }

            _resourceVersion++;
            metadata["resourceVersion"] = Rv(_resourceVersion);
            obj = JsonNumbers.Normalize(Present(obj, type));
            Bucket(type)[key] = obj;
            Record(type, key, ns, "ADDED", obj, null);
            return Present(obj, type);
        }
    }

    public JsonObject Update(ResourceType type, string? ns, string name, JsonObject body, bool status, bool dryRun)
    {
        lock (_gate)
        {
            return UpdateLocked(type, ns, name, body.DeepClone().AsObject(), status, dryRun, patch: false);
        }
    }

    /// <summary>Applies <paramref name="apply"/> to the current object and stores the result as an update would.</summary>
    public JsonObject Patch(ResourceType type, string? ns, string name, Func<JsonObject, JsonNode?> apply, bool status, bool dryRun)
    {
        lock (_gate)
        {
            var current = Present(GetStored(type, ns, name), type);
            var patched = apply(current) as JsonObject ?? throw KubeErrors.BadRequest("the patched object is not a JSON object");
            return UpdateLocked(type, ns, name, patched, status, dryRun, patch: true);
        }
    }

    private static JsonObject WithoutMetadata(JsonObject obj, bool withoutStatus)
    {
        var copy = obj.DeepClone().AsObject();
        copy.Remove("metadata");
        copy.Remove("apiVersion");
        copy.Remove("kind");
        if (withoutStatus)
        {
            copy.Remove("status");
        }

        return copy;
    }

    private JsonObject UpdateLocked(ResourceType type, string? ns, string name, JsonObject obj, bool statusWrite, bool dryRun, bool patch)
    {
        CheckTypeMeta(type, obj);
        var metadata = Meta(obj);
        var bodyName = Str(metadata, "name");
        if (string.IsNullOrEmpty(bodyName))
        {
            metadata["name"] = name;
        }
        else if (bodyName != name)
        {
            throw KubeErrors.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        CheckNamespace(type, metadata, ns);
        var key = Key(ns, name);
        var old = GetStored(type, ns, name);
        var oldMeta = Meta(old);
        var oldRv = Str(oldMeta, "resourceVersion")!;
        var newRv = Str(metadata, "resourceVersion");
        if (string.IsNullOrEmpty(newRv))
        {
            if (!patch && !type.AllowUnconditionalUpdate)
            {
                throw KubeErrors.Invalid(type.Group, type.Plural, name,
                    [new FieldError(FieldErrorType.Invalid, "metadata.resourceVersion", 0, "must be specified for an update")]);
            }
        }
        else if (newRv != oldRv)
        {
            ParseRv(newRv);
            throw KubeErrors.Conflict(type.Group, type.Plural, name, KubeErrors.ModifiedConflictMessage);
        }

        if (statusWrite)
        {
            // A status write changes status only: everything else comes from the stored object.
            var newStatus = obj["status"]?.DeepClone();
            var hadStatus = obj.ContainsKey("status");
            obj = old.DeepClone().AsObject();
            if (hadStatus)
            {
                obj["status"] = newStatus;
            }
            else
            {
                obj.Remove("status");
            }

            metadata = Meta(obj);
        }
        else if (type.HasStatus)
        {
            // A main-resource write cannot change status.
            if (old.TryGetPropertyValue("status", out var oldStatus))
            {
                obj["status"] = oldStatus?.DeepClone();
            }
            else
            {
                obj.Remove("status");
            }
        }

        var errors = new List<FieldError>();
        var uid = Str(metadata, "uid");
        if (!string.IsNullOrEmpty(uid) && uid != Str(oldMeta, "uid"))
        {
            errors.Add(new FieldError(FieldErrorType.Invalid, "metadata.uid", uid, "field is immutable"));
        }

        metadata["uid"] = Str(oldMeta, "uid");
        metadata["creationTimestamp"] = oldMeta["creationTimestamp"]?.DeepClone();
        var oldDeletion = oldMeta["deletionTimestamp"];
        if (oldDeletion is null && metadata["deletionTimestamp"] is { } newDeletion)
        {
            errors.Add(new FieldError(FieldErrorType.Invalid, "metadata.deletionTimestamp", newDeletion.DeepClone(), "field is immutable"));
        }

        metadata.Remove("deletionTimestamp");
        metadata.Remove("deletionGracePeriodSeconds");
        if (oldDeletion is not null)
        {
            metadata["deletionTimestamp"] = oldDeletion.DeepClone();
            metadata["deletionGracePeriodSeconds"] = oldMeta["deletionGracePeriodSeconds"]?.DeepClone();
            var oldFinalizers = Finalizers(oldMeta);
            var added = Finalizers(metadata).Where(f => !oldFinalizers.Contains(f)).Distinct().ToList();
            if (added.Count > 0)
            {
                errors.Add(new FieldError(FieldErrorType.Forbidden, "metadata.finalizers", null,
                    $"no new finalizers can be added if the object is being deleted, found new finalizers []string{{{string.Join(", ", added.Select(FieldError.Quote))}}}"));
            }
        }

        metadata.Remove("selfLink");
        if (oldMeta["generation"] is { } generation)
        {
            metadata["generation"] = generation.DeepClone();
        }
        else
        {
            metadata.Remove("generation");
        }

        if (type.Schema is not null)
        {
            errors.AddRange(StructuralSchema.Process(obj, type.Schema));
        }

        ThrowIfInvalid(type, name, errors);

        if (type.TracksGeneration && !JsonNode.DeepEquals(WithoutMetadata(obj, type.HasStatus), WithoutMetadata(old, type.HasStatus)))
        {
            metadata["generation"] = (oldMeta["generation"] is { } g ? JsonNumbers.ToLong(g) : 0) + 1;
        }

        metadata["resourceVersion"] = oldRv;
        obj = JsonNumbers.Normalize(Present(obj, type));
        if (JsonNode.DeepEquals(obj, Present(old, type)))
        {
            // A no-op write is not stored: no new resourceVersion, no watch event.
            return Present(old, type);
        }

        if (dryRun)
        {
            return Present(obj, type);
        }

        _resourceVersion++;
        metadata = Meta(obj);
        metadata["resourceVersion"] = Rv(_resourceVersion);
        if (oldDeletion is not null && Finalizers(metadata).Count == 0)
        {
            // The last finalizer is gone: the object is deleted instead of updated.
            Bucket(type).Remove(key);
            Record(type, key, ns, "DELETED", obj, old);
            AfterRemoval(type, ns);
            return Present(obj, type);
        }

        Bucket(type)[key] = obj;
        Record(type, key, ns, "MODIFIED", obj, old);
        return Present(obj, type);
    }

    private static List<string> Finalizers(JsonObject metadata) =>
        (metadata["finalizers"] as JsonArray)?.Select(f => (string?)f).OfType<string>().ToList() ?? [];

    public JsonObject Delete(ResourceType type, string? ns, string name, DeleteOptions options, bool dryRun)
    {
        if (options.PropagationPolicy is not (null or "Orphan" or "Background" or "Foreground"))
        {
            throw KubeErrors.Invalid(type.Group, type.Kind, name,
                [new FieldError(FieldErrorType.NotSupported, "propagationPolicy", options.PropagationPolicy, "supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"")]);
        }

        lock (_gate)
        {
            var old = GetStored(type, ns, name);
            var oldMeta = Meta(old);
            if (options.PreconditionUid is { } uid && uid != Str(oldMeta, "uid"))
            {
                throw KubeErrors.Conflict(type.Group, type.Plural, name,
                    $"Precondition failed: UID in precondition: {uid}, UID in object meta: {Str(oldMeta, "uid")}");
            }

            if (options.PreconditionResourceVersion is { } rv && rv != Str(oldMeta, "resourceVersion"))
            {
                throw KubeErrors.Conflict(type.Group, type.Plural, name,
                    $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {Str(oldMeta, "resourceVersion")}");
            }

            return dryRun ? Present(old, type) : DeleteLocked(type, ns, name, old);
        }
    }

    private JsonObject DeleteLocked(ResourceType type, string? ns, string name, JsonObject old)
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

    public JsonObject DeleteCollection(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, DeleteOptions options)
    {
        lock (_gate)
        {
            var items = new JsonArray();
            foreach (var (key, obj) in Bucket(type).ToList())
            {
                if ((ns is not null && !key.StartsWith(ns + "/", StringComparison.Ordinal)) || !labels.Matches(obj) || !fields.Matches(obj))
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

    private void AfterRemoval(ResourceType type, string? ns)
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

    // ---------------------------------------------------------------- watch

    /// <summary>Opens a watch; the returned watcher already holds the initial or replayed events.</summary>
    public Watcher Watch(ResourceType type, string? ns, LabelSelector labels, FieldSelector fields, string? resourceVersion, bool bookmarks, bool sendInitialEvents)
    {
        var watcher = new Watcher(type, ns, labels, fields, bookmarks);
        lock (_gate)
        {
            if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                foreach (var obj in Bucket(type).Values)
                {
                    if ((ns is null || (string?)obj["metadata"]?["namespace"] == ns) && labels.Matches(obj) && fields.Matches(obj))
                    {
                        watcher.Send("ADDED", obj);
                    }
                }

                if (sendInitialEvents)
                {
                    watcher.Bookmark(_resourceVersion, initialEventsEnd: true);
                }
            }
            else
            {
                var rv = ParseRv(resourceVersion);
                if (rv < _compactedResourceVersion)
                {
                    watcher.Error(KubeErrors.Expired($"too old resource version: {rv} ({_compactedResourceVersion})"));
                    return watcher;
                }

                if (rv > _resourceVersion)
                {
                    throw new KubeApiException(504, "Timeout", $"Too large resource version: {rv}, current: {_resourceVersion}",
                        new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ResourceVersionTooLarge", ["message"] = "Too large resource version" }) },
                        TimeSpan.FromSeconds(1));
                }

                foreach (var change in _history.Where(c => c.ResourceVersion > rv))
                {
                    watcher.Deliver(change);
                }
            }

            _watchers.Add(watcher);
        }

        return watcher;
    }

    public void Unregister(Watcher watcher)
    {
        lock (_gate)
        {
            _watchers.Remove(watcher);
        }
    }

    public void Bookmark()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Bookmark(_resourceVersion);
            }
        }
    }

    public int CloseWatches(bool abort)
    {
        lock (_gate)
        {
            var count = _watchers.Count;
            foreach (var watcher in _watchers)
            {
                if (abort)
                {
                    watcher.Abort();
                }
                else
                {
                    watcher.Close();
                }
            }

            _watchers.Clear();
            return count;
        }
    }

    public void Compact()
    {
        lock (_gate)
        {
            _history.Clear();
            _compactedResourceVersion = _resourceVersion;
        }
    }

    /// <summary>Copies of all stored objects of a kind (optionally one namespace).</summary>
    public IReadOnlyList<JsonObject> Objects(ResourceType type, string? ns)
    {
        lock (_gate)
        {
            return Bucket(type).Values.Where(o => ns is null || (string?)o["metadata"]?["namespace"] == ns).Select(o => Present(o, type)).ToList();
        }
    }
}
