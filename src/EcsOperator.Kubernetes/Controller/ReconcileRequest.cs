using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Kubernetes.Controller;

/// <summary>
/// What a reconciler is asked to act on: the key and the object as the informer cache has it now, or null when the
/// object is gone (deleted, and any finalizers already removed) so the reconciler can clean up what it knows by key.
/// An object being deleted but held by a finalizer arrives with <c>metadata.deletionTimestamp</c> set.
/// </summary>
public sealed record ReconcileRequest<T>(ObjectKey Key, T? Object)
    where T : class, IKubernetesObject
{
    /// <summary>The object no longer exists.</summary>
    public bool IsGone => Object is null;

    /// <summary>The object exists but deletion has started (finalizers are pending).</summary>
    public bool IsDeleting => Object?.Metadata.DeletionTimestamp is not null;
}
