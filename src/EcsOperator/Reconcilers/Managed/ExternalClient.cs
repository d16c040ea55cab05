using EcsOperator.Api.Shared;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// One kind's half of a managed resource (crossplane-runtime's ExternalClient, ACK's resource manager): how to read
/// the AWS resource, create it, bring it back to the spec and delete it. Everything else (finalizer, deletion and
/// deletionPolicy, guards, dependency waiting, ownership and adoptionPolicy, drift and driftPolicy, AWS errors,
/// the status write and requeueing) is <see cref="ManagedReconciler{T,TStatus,TLive}"/>'s, once for all kinds.
/// </summary>
/// <typeparam name="T">The custom resource.</typeparam>
/// <typeparam name="TStatus">Its status.</typeparam>
/// <typeparam name="TLive">What Observe hands Update (the live description, the computed change).</typeparam>
public abstract class ExternalClient<T, TStatus, TLive>
    where T : class, IKubernetesObject
    where TStatus : class, IEcsStatus
{
    /// <summary>The kind's REST resource and status plumbing.</summary>
    public abstract ManagedKind<T, TStatus> Kind { get; }

    /// <summary>Checks before any AWS call, in order; add a line here to add a guard (<see cref="SpecGuard{T}.Tenancy"/> for the tenancy rules).</summary>
    public abstract IReadOnlyList<SpecGuard<T>> Guards { get; }

    /// <summary>What the object's AWS resource is called, for messages (e.g. "ECS cluster prod").</summary>
    public abstract string Describe(T obj);

    public abstract DeletionPolicy DeletionPolicyOf(T obj);

    /// <summary>The adoptionPolicy; null for a kind that never adopts an untagged resource.</summary>
    public virtual AdoptionPolicy? AdoptionPolicyOf(T obj) => null;

    public virtual DriftPolicy DriftPolicyOf(T obj) => DriftPolicy.Correct;

    /// <summary>
    /// Whether the status names an AWS resource this object created or adopted (an ARN, a revision). True by default:
    /// deletion then always asks AWS. A Forbidden object whose status names none is deleted without an AWS call.
    /// </summary>
    public virtual bool RecordsAwsResource(T obj) => true;

    /// <summary>The status while a deletion waits: the kind drops what it already removed (a deregistered scalable target).</summary>
    public virtual TStatus WhileDeleting(TStatus status) => status;

    /// <summary>What a referenced object this one needs is missing (from the informer caches); null when nothing is.</summary>
    public virtual DependencyWait? WaitingFor(T obj) => null;

    /// <summary>The object is gone from the cluster (its deletion finished): drop anything remembered about it.</summary>
    public virtual void Forget(ObjectKey key)
    {
    }

    /// <summary>Reads the AWS resource. Must not change anything in AWS.</summary>
    public abstract Task<ExternalObservation<TStatus, TLive>> ObserveAsync(ManagedContext<T> context, CancellationToken cancellationToken);

    /// <summary>Creates the AWS resource, tagged with <see cref="ManagedContext{T}.Owner"/> (<paramref name="observed"/> says it does not exist).</summary>
    public abstract Task<ExternalResult<TStatus>> CreateAsync(ManagedContext<T> context, ExternalObservation<TStatus, TLive> observed,
        CancellationToken cancellationToken);

    /// <summary>Brings the resource back to the spec; <paramref name="adopting"/>: it carries no owner tag yet (tag it first).</summary>
    public abstract Task<ExternalResult<TStatus>> UpdateAsync(ManagedContext<T> context, ExternalObservation<TStatus, TLive> observed, bool adopting,
        CancellationToken cancellationToken);

    /// <summary>Deletes what this object owns in AWS (only what carries its owner tag), or says what it waits for.</summary>
    public abstract Task<DeletionResult> DeleteAsync(ManagedContext<T> context, CancellationToken cancellationToken);
}
