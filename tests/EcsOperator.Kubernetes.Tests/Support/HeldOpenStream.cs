namespace EcsOperator.Kubernetes.Tests.Support;

/// <summary>
/// A response body that returns its bytes and then blocks further reads until the reader gives up or
/// <paramref name="requestAborted"/> fires: a watch with nothing new, or a list whose body stops arriving.
/// </summary>
internal sealed class HeldOpenStream(byte[] bytes, CancellationToken requestAborted = default) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position < bytes.Length)
        {
            var count = Math.Min(buffer.Length, bytes.Length - position);
            bytes.AsMemory(position, count).CopyTo(buffer);
            position += count;
            return count;
        }

        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, requestAborted);
        await Task.Delay(Timeout.Infinite, both.Token);
        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
