using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>Watches, bookmarks, history compaction and direct reads for tests.</summary>
internal sealed partial class ObjectStore
{
    /// <summary>Opens a watch; the returned watcher already holds the initial or replayed events.</summary>
    public Watcher Watch(ServedResource type, string? ns, LabelSelector labels, FieldSelector fields, string? resourceVersion, bool bookmarks, bool sendInitialEvents)
    {
        var watcher = new Watcher(type, ns, labels, fields, bookmarks);
        lock (_gate)
        {
            if (string.IsNullOrEmpty(resourceVersion) || resourceVersion == "0")
            {
                foreach (var obj in Bucket(type).Values)
                {
                    if ((ns is null || (string?)obj["metadata"]?["namespace"] == ns) && labels.Matches(obj) && fields.Matches(EventViews.Convert(obj, type) ?? obj))
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
    public IReadOnlyList<JsonObject> Objects(ServedResource type, string? ns)
    {
        lock (_gate)
        {
            return Bucket(type).Values.Where(o => ns is null || (string?)o["metadata"]?["namespace"] == ns).Select(o => Present(o, type)).ToList();
        }
    }
}
