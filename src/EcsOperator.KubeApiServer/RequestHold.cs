namespace EcsOperator.KubeApiServer;

/// <summary>Requests held by <see cref="KubeApiTestServer.HoldRequests"/>: they go on once this is released or disposed.</summary>
public sealed class RequestHold : IDisposable
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task Released => _released.Task;

    /// <summary>Lets the held requests (and any later match) through.</summary>
    public void Release() => _released.TrySetResult();

    /// <inheritdoc />
    public void Dispose() => Release();
}
