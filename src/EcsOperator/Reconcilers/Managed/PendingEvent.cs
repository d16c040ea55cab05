namespace EcsOperator.Reconcilers.Managed;

/// <summary>A Kubernetes event on the object that an <see cref="ExternalResult{TStatus}"/> carries until it is written.</summary>
public sealed record PendingEvent(string Type, string Reason, string Action, string Message);
