namespace EcsOperator.Reconcilers.Services;

/// <summary>A reconcile step found something only a human can fix; the reconciler turns it into Stalled.</summary>
internal sealed class ServiceStallException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
