using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>Create, update and patch with kube's validation, generation, status and finalizer rules.</summary>
internal sealed partial class ObjectStore
{
    /// <param name="json">The stored object's JSON as served for <paramref name="type"/> (<see cref="PresentedJson"/>), when the write has it already.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Record(ServedResource type, string key, string? ns, string eventType, JsonObject obj, JsonObject? previous, byte[]? json = null)
    {
        var change = new Change(_resourceVersion, type.StorageKey, key, ns, eventType, obj, previous);
        if (json is not null)
        {
            change.AddPresentedJson(type, json);
        }

        _history.AddLast(change);
        TrimHistory();
        NotifyWritten(type, key, ns, eventType, obj, previous);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckTypeMeta(ServedResource type, JsonObject body)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckNamespace(ServedResource type, JsonObject metadata, string? ns)
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

    private void EnsureNamespaceAcceptsContent(ServedResource type, string ns, string name)
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

    private static List<FieldError> ValidateName(ServedResource type, string name) =>
        NameValidation.Errors(type.NameRule, name).Select(m => new FieldError(FieldErrorType.Invalid, "metadata.name", name, m)).ToList();

    private static IEnumerable<FieldError> ValidateLabels(JsonObject metadata)
    {
        if (metadata["labels"] is not JsonObject labels)
        {
            yield break;
        }

        foreach (var (key, value) in labels)
        {
            var slash = key.LastIndexOf('/');
            var namePart = slash < 0 ? key : key[(slash + 1)..];
            if (!NameValidation.IsQualifiedNamePart(namePart) || (slash >= 0 && (slash == 0 || NameValidation.DnsSubdomainErrors(key[..slash]).Count > 0)))
            {
                yield return new FieldError(FieldErrorType.Invalid, "metadata.labels", key,
                    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
            }

            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (text is null)
            {
                yield return new FieldError(FieldErrorType.TypeInvalid, $"metadata.labels[{key}]", value?.DeepClone(), "label values must be strings");
            }
            else if (text.Length > 0 && !NameValidation.IsQualifiedNamePart(text))
            {
                yield return new FieldError(FieldErrorType.Invalid, "metadata.labels", text,
                    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
            }
        }
    }

    private static void ThrowIfInvalid(ServedResource type, string name, List<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw KubeErrors.Invalid(type.Group, type.Kind, name, errors);
        }
    }

    /// <summary>Creates an object; returns it as served (UTF-8 JSON, what the response body carries).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] Create(ServedResource type, string? ns, JsonObject body, WriteOptions options)
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
            errors.AddRange(ValidateLabels(metadata));
            if (type.HasStatus)
            {
                // Kinds with a status subresource drop status on create: status is written through /status.
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

            ProcessSchema(type, obj, null, SettledFields.None, options, errors);
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

            if (options.DryRun)
            {
                return PresentedJson(obj, type);
            }

            _resourceVersion++;
            metadata["resourceVersion"] = Rv(_resourceVersion);
            var json = PresentedJson(obj, type);
            obj = Parse(json);
            Bucket(type)[key] = obj;
            MarkProcessed(type, obj);
            Record(type, key, ns, "ADDED", obj, null, json);
            return json;
        }
    }

    /// <summary>Replaces an object (or its status); returns it as served (UTF-8 JSON).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] Update(ServedResource type, string? ns, string name, JsonObject body, bool status, WriteOptions options)
    {
        lock (_gate)
        {
            return UpdateLocked(type, ns, name, body.DeepClone().AsObject(), status, options, patch: false);
        }
    }

    /// <summary>Applies <paramref name="apply"/> to the current object and stores the result as an update would; returns it as served (UTF-8 JSON).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public byte[] Patch(ServedResource type, string? ns, string name, Func<JsonObject, JsonNode?> apply, bool status, WriteOptions options)
    {
        lock (_gate)
        {
            // Read back from its JSON rather than deep-copied: the parts a patch does not touch stay unparsed JSON.
            var current = Parse(PresentedJson(GetStored(type, ns, name), type));
            var patched = apply(current) as JsonObject ?? throw KubeErrors.BadRequest("the patched object is not a JSON object");
            return UpdateLocked(type, ns, name, patched, status, options, patch: true);
        }
    }

    /// <summary>Whether a write leaves unchanged what metadata.generation counts: everything but metadata (and status, when it is a subresource).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SameGenerationContent(JsonObject obj, JsonObject old, bool withoutStatus) => withoutStatus
        ? SameMembers(obj, old, "metadata", "apiVersion", "kind", "status")
        : SameMembers(obj, old, "metadata", "apiVersion", "kind");

    /// <summary>
    /// Whether <paramref name="obj"/> (presented for <paramref name="type"/>, its resourceVersion aside) equals the stored
    /// <paramref name="old"/> as presented for <paramref name="type"/>: a no-op write.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SameAsStored(JsonObject obj, JsonObject old, ServedResource type)
    {
        var view = EventViews.Convert(old, type) ?? old;
        if (obj["metadata"] is not JsonObject metadata || view["metadata"] is not JsonObject oldMetadata || !oldMetadata.ContainsKey("resourceVersion"))
        {
            return false;
        }

        // Status and metadata are what most writes change: compared first, a changed object is told apart before its spec is compared.
        var hasStatus = obj.TryGetPropertyValue("status", out var status);
        return hasStatus == view.TryGetPropertyValue("status", out var oldStatus) && JsonNode.DeepEquals(status, oldStatus)
            && SameMembers(metadata, oldMetadata, "resourceVersion")
            && SameMembers(obj, view, "apiVersion", "kind", "metadata", "status");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte[] UpdateLocked(ServedResource type, string? ns, string name, JsonObject obj, bool statusWrite, WriteOptions options, bool patch)
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

        errors.AddRange(ValidateLabels(metadata));

        // What this write copied from the stored object: everything but status for a status write, status for a
        // main-resource write of a kind with a status subresource.
        var copied = statusWrite ? SettledFields.AllBut("status") : type.HasStatus ? SettledFields.Only("status") : SettledFields.None;
        var settled = ProcessSchema(type, obj, old, copied, options, errors);
        ThrowIfInvalid(type, name, errors);

        // A status write whose copied fields were left alone changed nothing generation counts (status is a subresource).
        if (type.TracksGeneration && !(statusWrite && type.HasStatus && settled) && !SameGenerationContent(obj, old, type.HasStatus))
        {
            metadata["generation"] = (oldMeta["generation"] is { } g ? JsonNumbers.ToLong(g) : 0) + 1;
        }

        // Written once, with the resourceVersion the write will get if it is stored: these bytes are what the caller
        // and every watcher of this version receive. The no-op check leaves the resourceVersion out.
        metadata["resourceVersion"] = Rv(_resourceVersion + 1);
        var json = PresentedJson(obj, type);
        obj = Parse(json);
        if (SameAsStored(obj, old, type))
        {
            // A no-op write is not stored: no new resourceVersion, no watch event.
            return PresentedJson(old, type);
        }

        if (options.DryRun)
        {
            Meta(obj)["resourceVersion"] = oldRv;
            return PresentedJson(obj, type);
        }

        _resourceVersion++;
        if (oldDeletion is not null && Finalizers(Meta(obj)).Count == 0)
        {
            // The last finalizer is gone: kube never writes this update but deletes the stored object, so watchers
            // see DELETED with the last stored state (still listing its finalizers) and the caller gets its own object back.
            var deleted = old.DeepClone().AsObject();
            Meta(deleted)["resourceVersion"] = Rv(_resourceVersion);
            Bucket(type).Remove(key);
            Record(type, key, ns, "DELETED", deleted, old);
            AfterRemoval(type, ns);
            Meta(obj)["resourceVersion"] = oldRv;
            return PresentedJson(obj, type);
        }

        Bucket(type)[key] = obj;
        MarkProcessed(type, obj);
        Record(type, key, ns, "MODIFIED", obj, old, json);
        return json;
    }
}
