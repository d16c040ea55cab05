using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace EcsOperator.KubeApiServer;

/// <summary>One open watch: filters changes for its resource, namespace and selectors into a queue of JSON lines.</summary>
internal sealed class Watcher
{
    private static readonly byte[] AddedPrefix = """{"type":"ADDED","object":"""u8.ToArray();
    private static readonly byte[] ModifiedPrefix = """{"type":"MODIFIED","object":"""u8.ToArray();
    private static readonly byte[] DeletedPrefix = """{"type":"DELETED","object":"""u8.ToArray();

    private readonly Channel<WatchLine> _lines = Channel.CreateUnbounded<WatchLine>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _aborted = new();

    /// <summary>No label or field selector: every object of the namespace matches.</summary>
    private readonly bool _selectsAll;

    public Watcher(ServedResource type, string? ns, LabelSelector labels, FieldSelector fields, bool bookmarks)
    {
        Type = type;
        Namespace = ns;
        Labels = labels;
        Fields = fields;
        Bookmarks = bookmarks;
        _selectsAll = ReferenceEquals(labels, LabelSelector.Everything) && ReferenceEquals(fields, FieldSelector.Everything);
    }

    public ServedResource Type { get; }

    public string? Namespace { get; }

    public LabelSelector Labels { get; }

    public FieldSelector Fields { get; }

    public bool Bookmarks { get; }

    /// <summary>The watch events, one UTF-8 JSON object each (without the newline that ends it on the wire).</summary>
    public ChannelReader<WatchLine> Lines => _lines.Reader;

    /// <summary>Cancelled when the test drops the connection.</summary>
    public CancellationToken Aborted => _aborted.Token;

    /// <summary>
    /// Whether <paramref name="obj"/> (the change's object or its previous state) is in this watch's selection. The
    /// namespace is the change's (the store keys objects by their metadata.namespace), and without selectors nothing
    /// else is read: the object's JSON stays unparsed for watchers that only forward the shared bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Matches(Change change, JsonObject? obj) => obj is not null
        && (Namespace is null || change.Namespace == Namespace)
        && (_selectsAll || (Labels.Matches(obj) && Fields.Matches(EventViews.Convert(obj, Type) ?? obj)));

    /// <summary>Queues the event this change means for this watcher, if any (objects entering or leaving the selection become ADDED / DELETED, as kube's watch cache does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Deliver(Change change)
    {
        if (change.StorageKey != Type.StorageKey)
        {
            return;
        }

        var now = change.Type != "DELETED" && Matches(change, change.Object);
        var before = change.Type switch
        {
            "ADDED" => false,
            "DELETED" => Matches(change, change.Object),
            _ => Matches(change, change.Previous),
        };
        switch (now, before)
        {
            case (true, true):
                Send(ModifiedPrefix, change);
                break;
            case (true, false):
                Send(AddedPrefix, change);
                break;
            case (false, true) when change.Type == "DELETED":
                Send(DeletedPrefix, change);
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

    /// <summary>Queues <c>{"type":..., "object": obj as served for this watch}</c>, as <c>ToJsonString</c> writes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Send(string type, JsonObject obj) => _lines.Writer.TryWrite(WatchLine.Whole(JsonBytes.Write((type, obj, Type), static (writer, state) =>
    {
        writer.WriteStartObject();
        writer.WriteString("type", state.type);
        writer.WritePropertyName("object");
        ObjectStore.WritePresented(writer, state.obj, state.Type);
        writer.WriteEndObject();
    })));

    /// <summary>
    /// Queues the change's object with the bytes every watcher of this version shares (the same line
    /// <see cref="Send(string, JsonObject)"/> writes): no copy per watcher.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Send(byte[] prefix, Change change) => _lines.Writer.TryWrite(new WatchLine(prefix, change.PresentedJson(Type)));

    private void Send(JsonObject line) => _lines.Writer.TryWrite(WatchLine.Whole(Encoding.UTF8.GetBytes(line.ToJsonString())));

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
        Send(new JsonObject { ["type"] = "BOOKMARK", ["object"] = obj });
    }

    public void Error(KubeApiException error)
    {
        Send(new JsonObject { ["type"] = "ERROR", ["object"] = error.ToStatus() });
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
