using System.Text.RegularExpressions;
using EcsOperator.Api;
using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.CapacityProviders;
using EcsOperator.Core.Conditions;
using EcsOperator.Core.Ownership;
using EcsOperator.Core.Validation;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Reconcilers.Managed;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.CapacityProviders;

/// <summary>
/// EcsCapacityProvider in AWS: one Auto Scaling group capacity provider created with the owner tag, sent only what
/// UpdateCapacityProvider can change (managed scaling, termination protection, draining) and the tags, never moved to
/// another Auto Scaling group, and deleted only when it carries this object's owner tag, waiting without an error
/// loop while a cluster still has it associated and while ECS deletes it (DELETE_IN_PROGRESS).
/// </summary>
public sealed partial class CapacityProviderExternalClient(
    IEventRecorder events, OperatorOptions options, SharedInformerFactory informers, ILogger<CapacityProviderExternalClient> logger)
    : ExternalClient<EcsCapacityProvider, EcsCapacityProviderStatus, CapacityProviderExternalClient.Live>
{
    /// <summary>How soon a provider still being created, updated or deleted is looked at again.</summary>
    private static readonly TimeSpan ProgressRecheck = TimeSpan.FromSeconds(5);

    private static readonly string[] Include = [CapacityProviderField.Tags];

    public override ManagedKind<EcsCapacityProvider, EcsCapacityProviderStatus> Kind { get; } = new(
        EcsCapacityProvider.KindName, OperatorResourceTypes.CapacityProviders, ApiJsonContext.Default.EcsCapacityProvider,
        o => o.Status, (o, s) => o with { Status = s }, () => new EcsCapacityProviderStatus(),
        (s, generation, conditions) => s with { ObservedGeneration = generation, Conditions = conditions });

    public override IReadOnlyList<SpecGuard<EcsCapacityProvider>> Guards { get; } =
    [
        new(ConditionReasons.InvalidSpec, o => Joined(CapacityProviderValidator.Validate(o))),
        new(ConditionReasons.ImmutableFieldChanged, Moved),
        SpecGuard<EcsCapacityProvider>.Tenancy,
    ];

    public override string Describe(EcsCapacityProvider obj) => $"ECS capacity provider {CapacityProviderTranslator.Name(obj)}";

    public override DeletionPolicy DeletionPolicyOf(EcsCapacityProvider obj) => obj.Spec.DeletionPolicy;

    public override AdoptionPolicy? AdoptionPolicyOf(EcsCapacityProvider obj) => obj.Spec.AdoptionPolicy;

    public override DriftPolicy DriftPolicyOf(EcsCapacityProvider obj) => obj.Spec.DriftPolicy;

    public override bool RecordsAwsResource(EcsCapacityProvider obj) => obj.Status?.CapacityProviderArn is not null || obj.Status?.Name is not null;

    public override async Task<ExternalObservation<EcsCapacityProviderStatus, Live>> ObserveAsync(ManagedContext<EcsCapacityProvider> context,
        CancellationToken cancellationToken)
    {
        var live = await DescribeAsync(context.Aws.Ecs, CapacityProviderTranslator.Name(context.Object), cancellationToken);
        if (live is null || CapacityProviderStatusCalculator.IsGone(live))
            return ExternalObservation<EcsCapacityProviderStatus, Live>.Missing;
        var desired = CapacityProviderTranslator.ToCreateRequest(context.Object, context.Owner);
        var comparison = CapacityProviderComparer.Compare(desired, live);
        return new ExternalObservation<EcsCapacityProviderStatus, Live>
        {
            OwnerTag = live.Tags?.FirstOrDefault(t => t.Key == OwnershipTags.OwnerKey)?.Value,
            Differences = comparison.Differences.Select(d => d.Path).Distinct().ToList(),
            Live = new Live(live, desired, comparison),
            Result = Observed(context.Object, live),
        };
    }

    public override async Task<ExternalResult<EcsCapacityProviderStatus>> CreateAsync(ManagedContext<EcsCapacityProvider> context,
        ExternalObservation<EcsCapacityProviderStatus, Live> observed, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var created = (await context.Aws.Ecs.CreateCapacityProviderAsync(CapacityProviderTranslator.ToCreateRequest(obj, context.Owner), cancellationToken)).CapacityProvider
            ?? throw new InvalidOperationException("CreateCapacityProvider returned no capacity provider");
        logger.LogInformation("Created ECS capacity provider {Arn} for EcsCapacityProvider {Namespace}/{Name}", created.CapacityProviderArn, obj.Metadata.Namespace, obj.Metadata.Name);
        await events.RecordAsync(obj, Event.NormalType, EventReasons.Created, "CreateCapacityProvider", $"Created ECS capacity provider {created.CapacityProviderArn}", cancellationToken);
        return Observed(obj, created);
    }

    public override async Task<ExternalResult<EcsCapacityProviderStatus>> UpdateAsync(ManagedContext<EcsCapacityProvider> context,
        ExternalObservation<EcsCapacityProviderStatus, Live> observed, bool adopting, CancellationToken cancellationToken)
    {
        var (live, desired, comparison) = observed.Live!;
        if (comparison.Immutable is [var moved, ..])
        {
            // ECS cannot move a provider to another group; an adopted provider of another group is not this spec's.
            return new ExternalResult<EcsCapacityProviderStatus>(s => CapacityProviderStatusCalculator.From(s, live), new ReconcileState.Stalled(
                ConditionReasons.ImmutableFieldChanged,
                $"ECS capacity provider {live.Name} uses Auto Scaling group {moved.Live}, not {moved.Desired}: ECS cannot change a provider's group; set it back, or delete this object and create a new one"));
        }

        var ecs = context.Aws.Ecs;
        // Tags first: an adopted provider carries the owner tag before anything else about it changes.
        if (comparison.TagResource is { } tag)
            await ecs.TagResourceAsync(tag, cancellationToken);
        if (comparison.Update is { } update)
            await ecs.UpdateCapacityProviderAsync(update, cancellationToken);

        // Read back what ECS now reports: Ready means it matches, not that the calls returned.
        var name = live.Name ?? CapacityProviderTranslator.Name(context.Object);
        var after = await DescribeAsync(ecs, name, cancellationToken) ?? live;
        if (!CapacityProviderComparer.Compare(desired, after).InSync)
        {
            return new ExternalResult<EcsCapacityProviderStatus>(s => CapacityProviderStatusCalculator.From(s, after),
                new ReconcileState.Progressing(ConditionReasons.Updating, $"waiting for ECS capacity provider {name} to apply the change ({after.UpdateStatus ?? "no update status"})"), ProgressRecheck);
        }

        return Observed(context.Object, after);
    }

    public override async Task<DeletionResult> DeleteAsync(ManagedContext<EcsCapacityProvider> context, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var name = obj.Status?.Name ?? CapacityProviderTranslator.Name(obj);
        var live = await DescribeAsync(context.Aws.Ecs, name, cancellationToken);
        // Never delete a provider that is not ours: one we never created or adopted, or someone else's.
        if (live is null || CapacityProviderStatusCalculator.IsGone(live) || live.Tags?.FirstOrDefault(t => t.Key == OwnershipTags.OwnerKey)?.Value != context.Owner)
            return DeletionResult.Done;
        if (CapacityProviderStatusCalculator.IsDeleting(live))
            return DeletionResult.Waiting($"ECS is deleting capacity provider {name} ({live.UpdateStatus})", ProgressRecheck);

        // An EcsCluster of this namespace that still lists it would associate it again: wait for it without asking ECS.
        if (ClustersUsing(obj, name) is { Count: > 0 } users)
        {
            return DeletionResult.Waiting(
                $"capacity provider {name} is in use by EcsCluster {string.Join(", ", users)}: remove it from the cluster's capacityProviderRefs (or capacityProviders) first",
                options.DeletionRecheckInterval);
        }

        CapacityProvider? deleting;
        try
        {
            deleting = (await context.Aws.Ecs.DeleteCapacityProviderAsync(new DeleteCapacityProviderRequest { CapacityProvider = live.CapacityProviderArn ?? name }, cancellationToken)).CapacityProvider;
        }
        catch (AwsServiceException e) when (e.Kind == AwsErrorKind.NotFound)
        {
            return DeletionResult.Done; // already gone: what we wanted
        }

        if (deleting?.UpdateStatus == CapacityProviderUpdateStatus.DeleteFailed)
        {
            // ECS does not refuse the call: it reports DELETE_FAILED while a cluster has the provider associated.
            var cluster = AssociatedCluster().Match(deleting.UpdateStatusReason ?? string.Empty) is { Success: true } m ? $"cluster {m.Groups[1].Value}" : "a cluster";
            return DeletionResult.Waiting(
                $"capacity provider {name} is in use by {cluster} (DELETE_FAILED): ECS deletes it only once no cluster has it associated",
                options.DeletionRecheckInterval);
        }

        await events.RecordAsync(obj, Event.NormalType, EventReasons.Deleted, "DeleteCapacityProvider", $"Deleting ECS capacity provider {name}", cancellationToken);
        return deleting is null || CapacityProviderStatusCalculator.IsGone(deleting)
            ? DeletionResult.Done
            : DeletionResult.Waiting($"ECS is deleting capacity provider {name} ({deleting.UpdateStatus ?? deleting.Status})", ProgressRecheck);
    }

    /// <summary>The status and state a described provider stands for, and when to look again.</summary>
    private static ExternalResult<EcsCapacityProviderStatus> Observed(EcsCapacityProvider obj, CapacityProvider live)
    {
        var name = live.Name ?? CapacityProviderTranslator.Name(obj);
        if (CapacityProviderStatusCalculator.IsFailed(live))
        {
            return new(s => CapacityProviderStatusCalculator.From(s, live), new ReconcileState.Stalled(ConditionReasons.InvalidSpec,
                $"ECS capacity provider {name} is {live.UpdateStatus}: status.updateStatusReason says why; fix the spec or the Auto Scaling group"));
        }

        return CapacityProviderStatusCalculator.IsActive(live)
            ? new(s => CapacityProviderStatusCalculator.From(s, live), new ReconcileState.Ready($"ECS capacity provider {name} is {live.Status} and matches the spec"))
            : new(s => CapacityProviderStatusCalculator.From(s, live),
                new ReconcileState.Progressing(ConditionReasons.Creating, $"ECS capacity provider {name} is {live.Status} ({live.UpdateStatus ?? "no update status"})"), ProgressRecheck);
    }

    /// <summary>ECS cannot rename a provider or move it to another Auto Scaling group: a human resolves that.</summary>
    private static string? Moved(EcsCapacityProvider obj)
    {
        if (obj.Status is not { Status: not (null or CapacityProviderStatus.Inactive) } status)
            return null;
        var name = CapacityProviderTranslator.Name(obj);
        if (status.Name is { } previous && previous != name)
            return $"spec.name changed from {previous} to {name}: ECS cannot rename a capacity provider; set it back, or delete this object and create a new one";
        var group = obj.Spec.AutoScalingGroupProvider?.AutoScalingGroupArn;
        return status.AutoScalingGroupArn is { } live && group is not null && !CapacityProviderComparer.SameGroup(group, live)
            ? $"spec.autoScalingGroupProvider.autoScalingGroupArn changed from {live} to {group}: ECS cannot move a capacity provider to another Auto Scaling group; set it back, or delete this object and create a new one"
            : null;
    }

    /// <summary>The EcsClusters of the provider's namespace that reference it by object name or list its ECS name.</summary>
    private List<string> ClustersUsing(EcsCapacityProvider obj, string ecsName) =>
        [.. informers.For(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster).Cache.List(obj.Metadata.Namespace)
            .Where(c => c.Metadata.Namespace == obj.Metadata.Namespace
                && ((c.Spec.CapacityProviderRefs ?? []).Any(r => r.Name == obj.Metadata.Name) || (c.Spec.CapacityProviders ?? []).Contains(ecsName)))
            .Select(c => c.Metadata.Name!)
            .Order(StringComparer.Ordinal)];

    private static async Task<CapacityProvider?> DescribeAsync(IEcsApi ecs, string name, CancellationToken cancellationToken)
    {
        var response = await ecs.DescribeCapacityProvidersAsync(new DescribeCapacityProvidersRequest { CapacityProviders = [name], Include = Include }, cancellationToken);
        return response.CapacityProviders?.FirstOrDefault(p => p.Name == name) ?? response.CapacityProviders?.FirstOrDefault();
    }

    private static string? Joined(IReadOnlyList<FieldError> errors) => errors.Count == 0 ? null : string.Join("; ", errors.Select(e => e.ToString()));

    /// <summary>ECS's updateStatusReason for a refused delete names the cluster: "... associated with cluster: prod. ...".</summary>
    [GeneratedRegex(@"associated with cluster:?\s+([A-Za-z0-9_-]+)")]
    private static partial Regex AssociatedCluster();

    /// <summary>The described provider, the spec's create request and how they differ.</summary>
    public sealed record Live(CapacityProvider CapacityProvider, CreateCapacityProviderRequest Desired, CapacityProviderComparison Comparison);
}
