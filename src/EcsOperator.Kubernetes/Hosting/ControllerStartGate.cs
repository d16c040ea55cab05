namespace EcsOperator.Kubernetes.Hosting;

/// <summary>
/// Holds the controllers and the lease campaign back until something else is ready (the operator's health and
/// metrics listeners binding), while the informers start at once: their initial lists overlap that work instead of
/// following it. Open unless <see cref="HoldUntil"/> is called before the host starts.
/// </summary>
public sealed class ControllerStartGate
{
    private Task _ready = Task.CompletedTask;

    /// <summary>Controllers wait for <paramref name="ready"/>; if it fails they never start (its owner reports the failure and stops the host).</summary>
    public void HoldUntil(Task ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        _ready = ready;
    }

    /// <summary>True once open; false when what it waited for failed.</summary>
    internal async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _ready.WaitAsync(cancellationToken);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
