namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// Sits in front of the operator's Kubernetes connection and holds back every read of a watch stream by a random
/// 0..<c>maxDelay</c>: each informer's events arrive late by its own amount, so one kind's events overtake another's
/// (a task definition's status behind its service's creation, or the other way round), as with a busy API server.
/// </summary>
internal sealed class WatchDelayHandler(TimeSpan maxDelay, int seed) : DelegatingHandler
{
    private readonly Random _random = new(seed);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri?.Query.Contains("watch=true", StringComparison.Ordinal) != true || !response.IsSuccessStatusCode)
            return response;
        var inner = await response.Content.ReadAsStreamAsync(cancellationToken);
        var delayed = new StreamContent(new DelayedReads(inner, NextDelay));
        foreach (var header in response.Content.Headers)
            delayed.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = delayed;
        return response;
    }

    private TimeSpan NextDelay()
    {
        lock (_random)
            return TimeSpan.FromMilliseconds(_random.NextDouble() * maxDelay.TotalMilliseconds);
    }

    /// <summary>A read-only stream whose every read waits first.</summary>
    private sealed class DelayedReads(Stream inner, Func<TimeSpan> delay) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(delay(), cancellationToken);
            return await inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            Thread.Sleep(delay());
            return inner.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
