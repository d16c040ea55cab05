using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Controller;

/// <summary>
/// Drives one object of kind <typeparamref name="T"/> toward its spec. Called by one worker at a time per key; must
/// be idempotent (it may run again for the same state). Throwing means "retry with backoff" — never dropped.
/// </summary>
public interface IReconciler<T>
    where T : class, IKubernetesObject
{
    Task<ReconcileResult> ReconcileAsync(ReconcileRequest<T> request, CancellationToken cancellationToken);
}
