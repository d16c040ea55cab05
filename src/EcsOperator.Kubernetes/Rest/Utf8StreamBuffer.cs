using System.Buffers;

namespace EcsOperator.Kubernetes.Rest;

/// <summary>
/// Reads a stream's UTF-8 bytes into one pooled buffer, line by line (a watch) or whole (a list page), so objects are
/// decoded straight from the bytes the server sent: no UTF-16 copy, no document of the whole, no unpooled body buffer
/// (issue 11, memory).
/// </summary>
internal sealed class Utf8StreamBuffer(Stream stream, int initialSize = 16 * 1024) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>
    /// The next line without its <c>\n</c> (valid until the next call), or null at the end of the stream. A last line
    /// without a newline is returned too.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, searched + newline);
                _start += searched + newline + 1;
                return line;
            }

            searched = _end - _start;
            if (_eof)
            {
                if (searched == 0)
                {
                    return null;
                }

                var last = _buffer.AsMemory(_start, searched);
                _start = _end;
                return last;
            }

            MakeRoom();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }
    }

    /// <summary>Everything left in the stream (valid until the next call or disposal).</summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadToEndAsync(CancellationToken cancellationToken)
    {
        while (!_eof)
        {
            MakeRoom();
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _eof = read == 0;
            _end += read;
        }

        var rest = _buffer.AsMemory(_start, _end - _start);
        _start = _end;
        return rest;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves the unread bytes to the front, and doubles the buffer when they fill it.</summary>
    private void MakeRoom()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }
}
