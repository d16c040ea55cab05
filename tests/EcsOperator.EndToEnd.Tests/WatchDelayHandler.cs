using System.Diagnostics;
using System.Threading.Channels;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// Sits in front of the operator's Kubernetes connection and holds back what arrives on a watch stream by a random
/// 0..<c>maxDelay</c> per chunk (in order): each informer's events arrive late by their own amount, so one kind's
/// events overtake another's (a task definition's status behind its service's creation, or the other way round), as
/// with a busy API server.
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

    /// <summary>
    /// A read-only delay line: a pump reads the stream as fast as it comes and each chunk becomes readable only once
    /// its own delay has passed, in order. Latency without a cap on throughput (waiting before each read would
    /// throttle a busy stream to a few chunks per delay, and the informer would fall seconds behind).
    /// </summary>
    private sealed class DelayedReads : Stream
    {
        private readonly Stream _inner;
        private readonly Channel<(byte[] Data, long Due)> _chunks = Channel.CreateUnbounded<(byte[], long)>(new() { SingleReader = true, SingleWriter = true });
        private readonly CancellationTokenSource _stop = new();
        private byte[] _current = [];
        private int _offset;

        public DelayedReads(Stream inner, Func<TimeSpan> delay)
        {
            _inner = inner;
            _ = PumpAsync(delay);
        }

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
            if (_offset == _current.Length)
            {
                // Completed with the pump's exception when the connection failed: the reader sees that failure.
                if (!await _chunks.Reader.WaitToReadAsync(cancellationToken))
                    return 0;
                var (data, due) = await _chunks.Reader.ReadAsync(cancellationToken);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, cancellationToken);
                (_current, _offset) = (data, 0);
            }

            var n = Math.Min(buffer.Length, _current.Length - _offset);
            _current.AsMemory(_offset, n).CopyTo(buffer);
            _offset += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _stop.Cancel();
                _inner.Dispose();
                _stop.Dispose();
            }

            base.Dispose(disposing);
        }

        private async Task PumpAsync(Func<TimeSpan> delay)
        {
            var buffer = new byte[16 * 1024];
            try
            {
                while (true)
                {
                    var n = await _inner.ReadAsync(buffer, _stop.Token);
                    if (n == 0)
                        break;
                    _chunks.Writer.TryWrite((buffer[..n], Stopwatch.GetTimestamp() + (long)(delay().TotalSeconds * Stopwatch.Frequency)));
                }

                _chunks.Writer.TryComplete();
            }
            catch (Exception e)
            {
                _chunks.Writer.TryComplete(e);
            }
        }
    }
}
