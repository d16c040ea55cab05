using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Clusters;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Ownership;
using EcsOperator.Core.Validation;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Observability;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Clusters;

/// <summary>
/// Drives an EcsCluster (DESIGN section 4): creates the cluster with the owner tag, adopts an untagged one only when
/// adoptionPolicy says so, sends only the parts that differ, tells drift from spec changes, and deletes (or retains)
/// the cluster behind the cleanup finalizer, waiting without an error loop while services or tasks remain.
/// </summary>
public sealed class EcsClusterReconciler(
    IKubernetesClient kubernetes,
    IEcsApi ecs,
    IEventRecorder events,
    ClusterIdentity clusterIdentity,
    OperatorOptions options,
    TimeProvider time,
    ILogger<EcsClusterReconciler> logger) : IReconciler<EcsCluster>
{
    /// <summary>How soon a cluster still provisioning (or attaching capacity providers) is looked at again.</summary>
    private static readonly TimeSpan ProgressRecheck = TimeSpan.FromSeconds(5);

    private static readonly string[] Include = ["SETTINGS", "CONFIGURATIONS", "TAGS"];

    private static readonly string[] ClusterNotEmptyCodes =
        ["ClusterContainsServicesException", "ClusterContainsTasksException", "ClusterContainsContainerInstancesException"];

    private readonly IResourceClient<EcsCluster> _client =
        kubernetes.Resource(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest<EcsCluster> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Object is not { } obj)
        {
            return ReconcileResult.Done;
        }

        var owner = OwnershipTags.OwnerValue(await clusterIdentity.GetAsync(cancellationToken), obj.Metadata.Namespace!, obj.Metadata.Name!);
        try
        {
            if (request.IsDeleting)
                return await DeleteAsync(obj, owner, cancellationToken);

            // The finalizer comes first: an ECS cluster must never exist without something that will clean it up.
            if (!obj.HasFinalizer(ApiGroup.CleanupFinalizer))
            {
                // Its watch event brings the object back, so the next reconcile reads a cache that has it.
                await _client.EnsureFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
                return ReconcileResult.Done;
            }
            var errors = ClusterValidator.Validate(obj.Spec, obj.Metadata.Name!);
            if (errors.Count > 0)
            {
                var message = string.Join("; ", errors.Select(e => e.ToString()));
                await WriteStatusAsync(obj, s => s, new ReconcileState.Stalled(ConditionReasons.InvalidSpec, message), null, cancellationToken);
                return ReconcileResult.Done; // only a spec change (new generation) or a resync tries again
            }

            return await ApplyAsync(obj, owner, cancellationToken);
        }
        catch (AwsServiceException e) when (e.Kind == AwsErrorKind.Retryable || e.Kind == AwsErrorKind.NotFound)
        {
            await WriteStatusAsync(obj, s => s, new ReconcileState.Retrying($"{e.ErrorCode}: {e.Message}"), null, cancellationToken);
            throw; // the work queue retries with per-key backoff
        }
        catch (AwsServiceException e)
        {
            var reason = ReconcileTiming.IsAccessDenied(e.ErrorCode) ? ConditionReasons.AccessDenied : ConditionReasons.InvalidSpec;
            logger.LogWarning("EcsCluster {Namespace}/{Name} stalled: {Code} {Message}", obj.Metadata.Namespace, obj.Metadata.Name, e.ErrorCode, e.Message);
            await WriteStatusAsync(obj, s => s, new ReconcileState.Stalled(reason, $"ECS rejected the request: {e.ErrorCode}: {e.Message}"), null, cancellationToken);
            return ReconcileResult.After(ReconcileTiming.Jittered(options.ResyncInterval)); // permissions may be fixed without a spec change
        }
    }

    private async Task<ReconcileResult> ApplyAsync(EcsCluster obj, string owner, CancellationToken cancellationToken)
    {
        var name = ClusterTranslator.ClusterName(obj);
        if (obj.Status?.ClusterName is { } previous && previous != name && obj.Status.Status is not (null or ClusterStatusCalculator.Inactive))
        {
            return await StallAsync(obj, ConditionReasons.ImmutableFieldChanged,
                $"spec.clusterName changed from {previous} to {name}: ECS cannot rename a cluster; set it back, or delete this object and create a new one", cancellationToken);
        }

        var desired = ClusterTranslator.ToCreateRequest(obj, owner);
        var live = await DescribeAsync(name, cancellationToken);
        if (live is null || ClusterStatusCalculator.IsGone(live))
        {
            var created = (await ecs.CreateClusterAsync(desired, cancellationToken)).Cluster
                ?? throw new InvalidOperationException("CreateCluster returned no cluster");
            logger.LogInformation("Created ECS cluster {Arn} for EcsCluster {Namespace}/{Name}", created.ClusterArn, obj.Metadata.Namespace, obj.Metadata.Name);
            await events.RecordAsync(obj, Event.NormalType, EventReasons.Created, "CreateCluster", $"Created ECS cluster {created.ClusterArn}", cancellationToken);
            return await FinishAsync(obj, created, drift: null, cancellationToken);
        }

        var tagOwner = Tag(live.Tags, OwnershipTags.OwnerKey);
        if (tagOwner is not null && tagOwner != owner)
        {
            return await StallAsync(obj, ConditionReasons.NotOwned,
                $"ECS cluster {name} is tagged {OwnershipTags.OwnerKey}={tagOwner}: it belongs to someone else; delete this object or set spec.clusterName to another cluster", cancellationToken);
        }

        var adopting = tagOwner is null;
        if (adopting && obj.Spec.AdoptionPolicy != AdoptionPolicy.Adopt)
        {
            return await StallAsync(obj, ConditionReasons.NotOwned,
                $"ECS cluster {name} already exists and carries no {OwnershipTags.OwnerKey} tag: set spec.adoptionPolicy: Adopt to manage it, or set spec.clusterName to another cluster", cancellationToken);
        }

        var comparison = ClusterComparer.Compare(desired, live);
        if (comparison.InSync)
        {
            // Drifted flips back to False once a corrected (or manually fixed) cluster matches the spec again.
            var settled = ConditionSet.IsTrue(obj.Status?.Conditions, ConditionTypes.Drifted) ? new DriftObservation([], Corrected: true) : null;
            return await FinishAsync(obj, live, settled, cancellationToken);
        }

        // The spec of the last successful apply is still the spec: anything that differs was changed in AWS.
        var isDrift = !adopting && IsAppliedGeneration(obj);
        var fields = comparison.Differences.Select(d => d.Path).Distinct().ToList();
        if (isDrift)
        {
            var list = string.Join(", ", fields);
            logger.LogInformation("EcsCluster {Namespace}/{Name} drifted: {Fields}", obj.Metadata.Namespace, obj.Metadata.Name, list);
            OperatorMetrics.DriftDetected(EcsCluster.KindName);
            await events.RecordAsync(obj, Event.WarningType, EventReasons.DriftDetected, "DescribeClusters", $"ECS cluster {name} changed outside the operator: {list}", cancellationToken);
            if (obj.Spec.DriftPolicy == DriftPolicy.Report)
                return await FinishAsync(obj, live, new DriftObservation(fields, Corrected: false), cancellationToken);
        }

        await SendAsync(comparison, cancellationToken);
        if (adopting)
        {
            logger.LogInformation("Adopted ECS cluster {Arn} for EcsCluster {Namespace}/{Name}", live.ClusterArn, obj.Metadata.Namespace, obj.Metadata.Name);
            await events.RecordAsync(obj, Event.NormalType, EventReasons.Created, "TagResource", $"Adopted existing ECS cluster {live.ClusterArn}", cancellationToken);
        }

        if (isDrift)
        {
            await events.RecordAsync(obj, Event.NormalType, EventReasons.DriftCorrected, "UpdateCluster", $"Set {string.Join(", ", fields)} of ECS cluster {name} back to the spec", cancellationToken);
        }

        // Read back what ECS now reports: Ready means it matches, not that the calls returned.
        var after = await DescribeAsync(name, cancellationToken) ?? live;
        var drift = isDrift ? new DriftObservation(fields, Corrected: true) : null;
        if (!ClusterComparer.Compare(desired, after).InSync)
        {
            await WriteStatusAsync(obj, s => ClusterStatusCalculator.From(s, after),
                new ReconcileState.Progressing(ConditionReasons.Updating, $"waiting for ECS cluster {name} to apply the change"), drift, cancellationToken);
            return ReconcileResult.After(ProgressRecheck);
        }

        return await FinishAsync(obj, after, drift, cancellationToken);
    }

    private async Task SendAsync(ClusterComparison comparison, CancellationToken cancellationToken)
    {
        // Tags first: an adopted cluster carries the owner tag before anything else about it changes.
        if (comparison.TagResource is { } tag)
            await ecs.TagResourceAsync(tag, cancellationToken);
        if (comparison.UntagResource is { } untag)
            await ecs.UntagResourceAsync(untag, cancellationToken);
        if (comparison.Update is { } update)
            await ecs.UpdateClusterAsync(update, cancellationToken);
        if (comparison.PutCapacityProviders is { } put)
            await ecs.PutClusterCapacityProvidersAsync(put, cancellationToken);
    }

    /// <summary>Writes the live status and the state it stands for, and picks when to look again.</summary>
    private async Task<ReconcileResult> FinishAsync(EcsCluster obj, Cluster live, DriftObservation? drift, CancellationToken cancellationToken)
    {
        var name = live.ClusterName ?? ClusterTranslator.ClusterName(obj);
        ReconcileState state;
        ReconcileResult result;
        if (ClusterStatusCalculator.IsFailed(live))
        {
            state = new ReconcileState.Stalled(ConditionReasons.InvalidSpec,
                $"ECS cluster {name} is {live.Status} (capacity provider attachments {live.AttachmentsStatus ?? "none"}): check the capacity providers in the spec");
            result = ReconcileResult.After(ReconcileTiming.Jittered(options.ResyncInterval));
        }
        else if (ClusterStatusCalculator.IsActive(live))
        {
            state = new ReconcileState.Ready($"ECS cluster {name} is ACTIVE and matches the spec");
            result = ReconcileResult.After(ReconcileTiming.Jittered(options.ResyncInterval));
        }
        else
        {
            state = new ReconcileState.Progressing(ConditionReasons.Creating,
                $"ECS cluster {name} is {live.Status} (capacity provider attachments {live.AttachmentsStatus ?? "none"})");
            result = ReconcileResult.After(ProgressRecheck);
        }

        await WriteStatusAsync(obj, s => ClusterStatusCalculator.From(s, live), state, drift, cancellationToken);
        return result;
    }

    private async Task<ReconcileResult> StallAsync(EcsCluster obj, string reason, string message, CancellationToken cancellationToken)
    {
        await WriteStatusAsync(obj, s => s, new ReconcileState.Stalled(reason, message), null, cancellationToken);
        return ReconcileResult.After(ReconcileTiming.Jittered(options.ResyncInterval)); // the other owner may give the cluster up
    }

    private async Task<ReconcileResult> DeleteAsync(EcsCluster obj, string owner, CancellationToken cancellationToken)
    {
        if (!obj.HasFinalizer(ApiGroup.CleanupFinalizer))
            return ReconcileResult.Done;
        var name = obj.Status?.ClusterName ?? ClusterTranslator.ClusterName(obj);
        if (obj.Spec.DeletionPolicy == DeletionPolicy.Retain)
        {
            await _client.RemoveFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
            return ReconcileResult.Done;
        }

        var live = await DescribeAsync(name, cancellationToken);
        // Never delete a cluster that is not ours: one we never created or adopted, or someone else's.
        if (live is not null && !ClusterStatusCalculator.IsGone(live) && Tag(live.Tags, OwnershipTags.OwnerKey) == owner)
        {
            try
            {
                await ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = live.ClusterArn ?? name }, cancellationToken);
            }
            catch (AwsServiceException e) when (ClusterNotEmptyCodes.Contains(e.ErrorCode))
            {
                // Not an error: the services or tasks are someone's to remove; look again later without an error loop.
                await WriteStatusAsync(obj, s => ClusterStatusCalculator.From(s, live),
                    new ReconcileState.Deleting($"ECS refuses to delete cluster {name} while it is not empty ({e.ErrorCode}: {e.Message}): remove its services and tasks"),
                    null, cancellationToken);
                return ReconcileResult.After(options.DeletionRecheckInterval);
            }
            catch (AwsServiceException e) when (e.Kind == AwsErrorKind.NotFound)
            {
                // already gone: what we wanted
            }

            await events.RecordAsync(obj, Event.NormalType, EventReasons.Deleted, "DeleteCluster", $"Deleted ECS cluster {name}", cancellationToken);
        }

        await _client.RemoveFinalizerAsync(obj, ApiGroup.CleanupFinalizer, cancellationToken);
        return ReconcileResult.Done;
    }

    private async Task<Cluster?> DescribeAsync(string name, CancellationToken cancellationToken)
    {
        var response = await ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [name], Include = Include }, cancellationToken);
        return response.Clusters?.FirstOrDefault(c => c.ClusterName == name) ?? response.Clusters?.FirstOrDefault();
    }

    private async Task WriteStatusAsync(EcsCluster obj, Func<EcsClusterStatus, EcsClusterStatus> edit, ReconcileState state,
        DriftObservation? drift, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // The generation this reconcile acted on, not that of a re-read after a conflict: a spec edit that raced this
        // write must not be reported as applied (or its differences later taken for drift).
        var generation = obj.Metadata.Generation ?? 0;
        await _client.UpdateStatusAsync(obj, o =>
        {
            var status = edit(o.Status ?? new EcsClusterStatus());
            return o with
            {
                Status = status with
                {
                    ObservedGeneration = generation,
                    Conditions = ConditionsCalculator.Compute(status.Conditions, state, drift, generation, now),
                },
            };
        }, cancellationToken);
    }

    /// <summary>Whether the status says the current generation was applied successfully (Ready for it).</summary>
    private static bool IsAppliedGeneration(EcsCluster obj) =>
        obj.Status is { } status
        && status.ObservedGeneration == obj.Metadata.Generation
        && ConditionSet.Find(status.Conditions, ConditionTypes.Ready) is { Status: ConditionStatus.True } ready
        && ready.ObservedGeneration == obj.Metadata.Generation;

    private static string? Tag(IReadOnlyList<Tag>? tags, string key) => tags?.FirstOrDefault(t => t.Key == key)?.Value;
}
