using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// Writes UTF-8 JSON through a buffer and writer kept per thread: every write of an object then allocates only its
/// result, not a fresh growing (and zeroed) buffer and a writer each time.
/// </summary>
internal static class JsonBytes
{
    /// <summary>A thread's buffer above this size is dropped after use rather than kept.</summary>
    private const int KeptCapacity = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>What <paramref name="write"/> writes for <paramref name="state"/>, with <see cref="ObjectStore.WriterOptions"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(16 * 1024);
        var writer = t_writer ?? new Utf8JsonWriter(buffer, ObjectStore.WriterOptions);

        // Taken off the thread while in use, so a write nested in another (or one that threw) never shares them.
        t_buffer = null;
        t_writer = null;
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        var json = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity <= KeptCapacity)
        {
            t_buffer = buffer;
            t_writer = writer;
        }

        return json;
    }
}
