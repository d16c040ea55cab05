namespace EcsOperator.KubeApiServer;

/// <summary>A rule that fails or delays matching requests, a limited or unlimited number of times.</summary>
internal sealed class FaultRule(Func<KubeRequest, bool> predicate, int? count, KubeApiException? error, TimeSpan delay)
{
    private int _remaining = count ?? int.MaxValue;

    public KubeApiException? Error { get; } = error;

    public TimeSpan Delay { get; } = delay;

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
