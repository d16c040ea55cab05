using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace EcsOperator.KubeApiServer;

/// <summary>One open watch: filters changes for its resource, namespace and selectors into a queue of JSON lines.</summary>
internal sealed class Watcher
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _aborted = new();

    public Watcher(ServedResource type, string? ns, LabelSelector labels, FieldSelector fields, bool bookmarks)
    {
        Type = type;
        Namespace = ns;
        Labels = labels;
        Fields = fields;
        Bookmarks = bookmarks;
    }

    public ServedResource Type { get; }

    public string? Namespace { get; }

    public LabelSelector Labels { get; }

    public FieldSelector Fields { get; }

    public bool Bookmarks { get; }

    public ChannelReader<string> Lines => _lines.Reader;

    /// <summary>Cancelled when the test drops the connection.</summary>
    public CancellationToken Aborted => _aborted.Token;

    private bool Matches(JsonObject? obj) => obj is not null
        && (Namespace is null || (string?)obj["metadata"]?["namespace"] == Namespace)
        && Labels.Matches(obj) && Fields.Matches(EventViews.Convert(obj, Type) ?? obj);

    /// <summary>Queues the event this change means for this watcher, if any (objects entering or leaving the selection become ADDED / DELETED, as kube's watch cache does).</summary>
    public void Deliver(Change change)
    {
        if (change.StorageKey != Type.StorageKey)
        {
            return;
        }

        var now = change.Type != "DELETED" && Matches(change.Object);
        var before = change.Type switch
        {
            "ADDED" => false,
            "DELETED" => Matches(change.Object),
            _ => Matches(change.Previous),
        };
        switch (now, before)
        {
            case (true, true):
                Send("MODIFIED", change.Object);
                break;
            case (true, false):
                Send("ADDED", change.Object);
                break;
            case (false, true) when change.Type == "DELETED":
                Send("DELETED", change.Object);
                break;
            case (false, true):
            {
                // Left the selection: kube sends DELETED with the previous state at the new resourceVersion.
                var gone = change.Previous!.DeepClone().AsObject();
                gone["metadata"]!["resourceVersion"] = change.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Send("DELETED", gone);
                break;
            }
        }
    }

    public void Send(string type, JsonObject obj) =>
        _lines.Writer.TryWrite(new JsonObject { ["type"] = type, ["object"] = ObjectStore.Present(obj, Type) }.ToJsonString());

    public void Bookmark(long resourceVersion, bool initialEventsEnd = false)
    {
        if (!Bookmarks)
        {
            return;
        }

        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (initialEventsEnd)
        {
            metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
        }

        var obj = new JsonObject { ["kind"] = Type.Kind, ["apiVersion"] = Type.ApiVersion, ["metadata"] = metadata };
        _lines.Writer.TryWrite(new JsonObject { ["type"] = "BOOKMARK", ["object"] = obj }.ToJsonString());
    }

    public void Error(KubeApiException error)
    {
        _lines.Writer.TryWrite(new JsonObject { ["type"] = "ERROR", ["object"] = error.ToStatus() }.ToJsonString());
        Close();
    }

    /// <summary>Ends the stream after the queued events (a clean server-side close).</summary>
    public void Close() => _lines.Writer.TryComplete();

    /// <summary>Drops the connection abruptly.</summary>
    public void Abort()
    {
        Close();
        _aborted.Cancel();
    }
}
