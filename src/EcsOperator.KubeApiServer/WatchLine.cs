using System.Buffers;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// One queued watch event. A change's event is its type's prefix (<c>{"type":"MODIFIED","object":</c>), the object's
/// JSON that every watcher of its version shares, and a closing brace, put together only as it is written to the
/// connection; other events (initial state, bookmarks, errors) are one whole line.
/// </summary>
/// <param name="Prefix">The event's opening up to the object; null when <paramref name="Json"/> is the whole line.</param>
/// <param name="Json">The object's JSON (shared, never changed), or the whole line.</param>
internal readonly record struct WatchLine(byte[]? Prefix, byte[] Json)
{
    public static WatchLine Whole(byte[] line) => new(null, line);

    /// <summary>Writes the line (without the newline that ends it on the wire).</summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        if (Prefix is not null)
        {
            output.Write(Prefix);
        }

        output.Write(Json);
        if (Prefix is not null)
        {
            output.Write("}"u8);
        }
    }

    /// <summary>The line as one array.</summary>
    public byte[] ToArray()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
