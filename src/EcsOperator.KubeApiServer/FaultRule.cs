namespace EcsOperator.KubeApiServer;

/// <summary>A rule that fails, delays or holds matching requests, a limited or unlimited number of times.</summary>
internal sealed class FaultRule(Func<KubeRequest, bool> predicate, int? count, KubeApiException? error, TimeSpan delay, Task? gate = null)
{
    private int _remaining = count ?? int.MaxValue;

    public KubeApiException? Error { get; } = error;

    public TimeSpan Delay { get; } = delay;

    /// <summary>Matching requests wait until this completes (a <see cref="RequestHold"/>), when set.</summary>
    public Task? Gate { get; } = gate;

    public bool Exhausted => Volatile.Read(ref _remaining) <= 0;

    /// <summary>Consumes one use when the request matches.</summary>
    public bool TryTake(KubeRequest request)
    {
        if (Exhausted || !predicate(request))
        {
            return false;
        }

        return Interlocked.Decrement(ref _remaining) >= 0;
    }
}
