using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Principals;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Ownership;
using EcsOperator.Core.Tenancy;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Observability;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// The reconcile skeleton every level-kept kind shares (crossplane-runtime's managed reconciler): finalizer first,
/// deletion under deletionPolicy, guards that stall without an AWS call, waiting for dependencies, observe, then
/// create, stall on ownership, report or correct drift, or update; AWS errors map to conditions through
/// <see cref="AwsErrorClassifier.Explain"/>; exactly one status write, skipped when unchanged; requeue at the next
/// jittered resync unless the kind asks to look sooner.
/// </summary>
public sealed class ManagedReconciler<T, TStatus, TLive>(
    ExternalClient<T, TStatus, TLive> external,
    IKubernetesClient kubernetes,
    IAwsClientsForNamespace aws,
    INamespaceTenancySource tenancy,
    IEventRecorder events,
    KubernetesClusterId clusterId,
    RequeuePolicy requeue,
    TimeProvider time,
    ILogger logger,
    InformerCache<T>? cache = null) : IReconciler<T>
    where T : class, IKubernetesObject
    where TStatus : class, IEcsStatus
{
    private readonly StatusWriter<T, TStatus> _status = new(kubernetes.Resource(external.Kind.Resource, external.Kind.TypeInfo), external.Kind, time, cache);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest<T> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Object is not { } cached)
        {
            external.Forget(request.Key);
            _status.Forget(request.Key);
            return ReconcileResult.Done; // gone: the finalizer already did the cleanup (or Retain left it)
        }

        // The cache can lag the operator's own last status write: act on what was written, not on what it replaced.
        var obj = _status.Freshest(cached);

        var ns = obj.Metadata.Namespace!;
        var owner = OwnershipTags.OwnerValue(await clusterId.GetAsync(cancellationToken), ns, obj.Metadata.Name!);
        // The principal is picked only when something calls AWS: guards refuse first, with the field that is wrong.
        ManagedContext<T> ContextOf(T o) => new(o, owner, tenancy.For(ns), () => aws.For(ns));
        try
        {
            var context = ContextOf(obj);
            if (request.IsDeleting)
                return await DeleteAsync(context, cancellationToken);

            var refused = external.Guards.Select(guard => (guard.Reason, Message: guard.Check(context))).FirstOrDefault(r => r.Message is not null);
            var waiting = external.WaitingFor(obj);

            // Waiting for a reference whose own controller has not looked at its current generation yet (it was just
            // created or changed): that controller's first status write for it wakes this object (the reference
            // watches), within a pass. Writing "waiting" now, and the finalizer with it, would cost two writes and a
            // pass for a state that lasts that long, for nearly every service created beside its task definition. So
            // nothing is written and nothing is called (the finalizer still goes on before the first AWS call); an
            // object a guard refuses is reported at once.
            if (refused.Message is null && waiting is { NotYetObserved: true })
                return Resync();

            // The finalizer comes first: an AWS resource must never exist without something that will clean it up.
            // The reconcile goes on in the same pass with the object as stored (the finalizer is on it before any AWS
            // call below); the finalizer's own watch event wakes nobody (UpdatePredicates: an added finalizer is no news).
            if (!obj.HasFinalizer(ApiGroup.CleanupFinalizer))
            {
                obj = _status.Wrote(obj, await _status.Resource.EnsureFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken));
                context = ContextOf(obj);
            }

            if (refused.Message is { } refusal)
                return await StallAsync(obj, refused.Reason, refusal, cancellationToken);

            if (waiting is not null)
            {
                // Not a human's problem: the watch on the dependency (or the resync) brings this object back.
                var reason = external.RecordsAwsResource(obj) && external.Kind.StatusOf(obj) is not null ? ConditionReasons.Updating : ConditionReasons.Creating;
                await _status.WriteAsync(obj, s => s, new ReconcileState.Progressing(reason, waiting.Why), null, cancellationToken);
                return Resync();
            }

            return await ApplyAsync(context, cancellationToken);
        }
        catch (NamespacePrincipalRefusedException e)
        {
            var message = request.IsDeleting
                ? $"{e.Message}; its AWS resources cannot be deleted: set spec.deletionPolicy: Retain to remove this object without them"
                : e.Message;
            return await StallAsync(obj, ConditionReasons.Forbidden, message, cancellationToken);
        }
        catch (AwsServiceException e)
        {
            var state = AwsErrorConditions.State(AwsErrorClassifier.Explain(e));
            if (state is ReconcileState.Retrying)
            {
                await _status.WriteAsync(obj, s => s, state, null, cancellationToken);
                throw; // the work queue retries with per-key backoff
            }

            logger.LogWarning("{Kind} {Namespace}/{Name} stalled: {Code} (request {RequestId}) {AwsMessage}",
                external.Kind.Name, ns, obj.Metadata.Name, e.ErrorCode, e.RequestId, e.Message);
            await _status.WriteAsync(obj, s => s, state, null, cancellationToken);
            return Resync();
        }
    }

    private async Task<ReconcileResult> ApplyAsync(ManagedContext<T> context, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var observed = await external.ObserveAsync(context, cancellationToken);
        if (!observed.Exists)
        {
            try
            {
                return await FinishAsync(obj, await external.CreateAsync(context, observed, cancellationToken), drift: null, cancellationToken);
            }
            catch (CreateRefusedException refused) when (!context.MustRead)
            {
                // The kind created without reading first and AWS says the resource is there (or its container is
                // not): read it now and go on as if it had been read first.
                logger.LogDebug(refused, "{Kind} {Namespace}/{Name}: create without a read was refused; observing", external.Kind.Name, obj.Metadata.Namespace, obj.Metadata.Name);
                context.MustRead = true;
                observed = await external.ObserveAsync(context, cancellationToken);
                if (!observed.Exists)
                    return await FinishAsync(obj, await external.CreateAsync(context, observed, cancellationToken), drift: null, cancellationToken);
            }
        }

        var what = external.Describe(obj);
        if (observed.OwnerTag is { } tag && tag != context.Owner)
        {
            // Never name the other owner: it is another namespace's business.
            return await StallAsync(obj, ConditionReasons.NotOwned,
                $"{what} is owned by another object: delete this object, or point it at another resource", cancellationToken);
        }

        if (observed.Refusal is { } refusal)
            return await StallAsync(obj, refusal.Reason, refusal.Message, cancellationToken);

        var adopting = observed.OwnerTag is null;
        if (adopting && external.AdoptionPolicyOf(obj) != AdoptionPolicy.Adopt)
        {
            var hint = external.AdoptionPolicyOf(obj) is null
                ? "it is owned by another object or by nobody: delete this object, or point it at another resource"
                : "set spec.adoptionPolicy: Adopt to manage it, or point this object at another resource";
            return await StallAsync(obj, ConditionReasons.NotOwned, $"{what} already exists and carries no {OwnershipTags.OwnerKey} tag: {hint}", cancellationToken);
        }

        if (observed.UpToDate && !adopting)
        {
            // Drifted flips back to False once a corrected (or manually fixed) resource matches the spec again.
            var settled = ConditionSet.IsTrue(external.Kind.StatusOf(obj)?.Conditions, ConditionTypes.Drifted) ? new DriftObservation([], Corrected: true) : null;
            return await FinishAsync(obj, ObservedResult(observed), settled, cancellationToken);
        }

        // The spec of the last successful apply is still the spec (and still resolves to the same thing): anything
        // that differs was changed in AWS.
        var fields = observed.Differences;
        var isDrift = !adopting && fields.Count > 0 && !observed.DesiredChangedSinceApplied
            && Readiness.IsReadyForGeneration(obj.Metadata, external.Kind.StatusOf(obj));
        if (isDrift)
        {
            var list = string.Join(", ", fields);
            logger.LogInformation("{Kind} {Namespace}/{Name} drifted: {Fields}", external.Kind.Name, obj.Metadata.Namespace, obj.Metadata.Name, list);
            OperatorMetrics.DriftDetected(external.Kind.Name);
            await events.RecordAsync(obj, Event.WarningType, EventReasons.DriftDetected, "Observe", $"{what} changed outside the operator: {list}", cancellationToken);
            if (external.DriftPolicyOf(obj) == DriftPolicy.Report)
                return await FinishAsync(obj, ObservedResult(observed), new DriftObservation(fields, Corrected: false), cancellationToken);
        }

        var updated = await external.UpdateAsync(context, observed, adopting, cancellationToken);
        if (adopting)
        {
            logger.LogInformation("Adopted {What} for {Kind} {Namespace}/{Name}", what, external.Kind.Name, obj.Metadata.Namespace, obj.Metadata.Name);
            await events.RecordAsync(obj, Event.NormalType, EventReasons.Created, "TagResource", $"Adopted existing {what}", cancellationToken);
        }

        if (isDrift)
            await events.RecordAsync(obj, Event.NormalType, EventReasons.DriftCorrected, "Update", $"Set {string.Join(", ", fields)} of {what} back to the spec", cancellationToken);

        return await FinishAsync(obj, updated, isDrift ? new DriftObservation(fields, Corrected: true) : null, cancellationToken);
    }

    private async Task<ReconcileResult> DeleteAsync(ManagedContext<T> context, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        if (!obj.HasFinalizer(ApiGroup.CleanupFinalizer))
            return ReconcileResult.Done;
        if (external.DeletionPolicyOf(obj) == DeletionPolicy.Delete && !NeverReachedAws(obj))
        {
            var deletion = await external.DeleteAsync(context, cancellationToken);
            if (!deletion.Finished)
            {
                await _status.WriteAsync(obj, external.WhileDeleting, new ReconcileState.Deleting(deletion.WaitingFor ?? "waiting for AWS"), null, cancellationToken);
                return ReconcileResult.After(deletion.RecheckAfter ?? requeue.ResyncInterval);
            }
        }

        await _status.Resource.RemoveFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
        return ReconcileResult.Done;
    }

    /// <summary>
    /// Whether the object was refused before any AWS call (Stalled, Forbidden) and its status records no AWS resource:
    /// its deletion needs no AWS call (and may have no principal to make one with). An object whose create succeeded
    /// but whose status write was lost before a refusal would be missed here; its resource still carries the owner tag.
    /// </summary>
    private bool NeverReachedAws(T obj) =>
        ConditionSet.Find(external.Kind.StatusOf(obj)?.Conditions, ConditionTypes.Stalled) is { Status: ConditionStatus.True, Reason: ConditionReasons.Forbidden }
        && !external.RecordsAwsResource(obj);

    private async Task<ReconcileResult> FinishAsync(T obj, ExternalResult<TStatus> result, DriftObservation? drift, CancellationToken cancellationToken)
    {
        foreach (var e in result.Events)
            await events.RecordAsync(obj, e.Type, e.Reason, e.Action, e.Message, cancellationToken);
        await _status.WriteAsync(obj, result.Status, result.State, drift, cancellationToken);
        return result.RequeueAfter is { } soon ? ReconcileResult.After(soon) : Resync();
    }

    /// <summary>The kind's next resync: its batched source's (no timer of its own), else a jittered timer.</summary>
    private ReconcileResult Resync() => requeue.Resync(external.Kind.Name);

    /// <summary>Stalled for the current generation: tried again when the spec changes or at the next resync, never sooner.</summary>
    private async Task<ReconcileResult> StallAsync(T obj, string reason, string message, CancellationToken cancellationToken)
    {
        await _status.WriteAsync(obj, s => s, new ReconcileState.Stalled(reason, message), null, cancellationToken);
        return Resync();
    }

    private static ExternalResult<TStatus> ObservedResult(ExternalObservation<TStatus, TLive> observed) =>
        observed.Result ?? throw new InvalidOperationException("an observation of an existing resource must say what status it stands for");
}
