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
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Reconcilers.Managed;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Clusters;

/// <summary>
/// EcsCluster in AWS (DESIGN section 4): one ECS cluster created with the owner tag, sent only the parts that differ
/// (tags, settings and configuration, capacity providers), read back before it counts as Ready, and deleted only
/// when it carries this object's owner tag, waiting without an error loop while services or tasks remain.
/// </summary>
public sealed class ClusterExternalClient(IEventRecorder events, OperatorOptions options, ReferenceResolver references, ILogger<ClusterExternalClient> logger)
    : ExternalClient<EcsCluster, EcsClusterStatus, ClusterExternalClient.Live>
{
    /// <summary>How soon a cluster still provisioning (or attaching capacity providers) is looked at again.</summary>
    private static readonly TimeSpan ProgressRecheck = TimeSpan.FromSeconds(5);

    private static readonly string[] Include = ["SETTINGS", "CONFIGURATIONS", "TAGS"];

    private static readonly string[] ClusterNotEmptyCodes =
        ["ClusterContainsServicesException", "ClusterContainsTasksException", "ClusterContainsContainerInstancesException"];

    public override ManagedKind<EcsCluster, EcsClusterStatus> Kind { get; } = new(
        EcsCluster.KindName, OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster,
        o => o.Status, (o, s) => o with { Status = s }, () => new EcsClusterStatus(),
        (s, generation, conditions) => s with { ObservedGeneration = generation, Conditions = conditions });

    public override IReadOnlyList<SpecGuard<EcsCluster>> Guards { get; } =
    [
        new(ConditionReasons.InvalidSpec, o => Joined(ClusterValidator.Validate(o.Spec, o.Metadata.Name!))),
        new(ConditionReasons.ImmutableFieldChanged, Renamed),
        SpecGuard<EcsCluster>.Tenancy,
    ];

    public override string Describe(EcsCluster obj) => $"ECS cluster {ClusterTranslator.ClusterName(obj)}";

    public override DeletionPolicy DeletionPolicyOf(EcsCluster obj) => obj.Spec.DeletionPolicy;

    public override AdoptionPolicy? AdoptionPolicyOf(EcsCluster obj) => obj.Spec.AdoptionPolicy;

    public override bool RecordsAwsResource(EcsCluster obj) => obj.Status?.ClusterArn is not null || obj.Status?.ClusterName is not null;

    public override DriftPolicy DriftPolicyOf(EcsCluster obj) => obj.Spec.DriftPolicy;

    /// <summary>The first EcsCapacityProvider of spec.capacityProviderRefs that is not Ready yet.</summary>
    public override DependencyWait? WaitingFor(EcsCluster obj) =>
        (obj.Spec.CapacityProviderRefs ?? []).Select(r => DependencyWait.Of(references.CapacityProvider(obj.Metadata.Namespace, r.Name), "spec.capacityProviderRefs"))
            .FirstOrDefault(w => w is not null);

    public override async Task<ExternalObservation<EcsClusterStatus, Live>> ObserveAsync(ManagedContext<EcsCluster> context, CancellationToken cancellationToken)
    {
        var live = await DescribeAsync(context.Aws.Ecs, ClusterTranslator.ClusterName(context.Object), cancellationToken);
        if (live is null || ClusterStatusCalculator.IsGone(live))
            return ExternalObservation<EcsClusterStatus, Live>.Missing;
        var desired = ClusterTranslator.ToCreateRequest(context.Object, context.Owner, ReferencedProviders(context.Object));
        var comparison = ClusterComparer.Compare(desired, live);
        return new ExternalObservation<EcsClusterStatus, Live>
        {
            OwnerTag = live.Tags?.FirstOrDefault(t => t.Key == OwnershipTags.OwnerKey)?.Value,
            Differences = comparison.Differences.Select(d => d.Path).Distinct().ToList(),
            Live = new Live(live, desired, comparison),
            Result = Observed(context.Object, live),
        };
    }

    public override async Task<ExternalResult<EcsClusterStatus>> CreateAsync(ManagedContext<EcsCluster> context,
        ExternalObservation<EcsClusterStatus, Live> observed, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var created = (await context.Aws.Ecs.CreateClusterAsync(ClusterTranslator.ToCreateRequest(obj, context.Owner, ReferencedProviders(obj)), cancellationToken)).Cluster
            ?? throw new InvalidOperationException("CreateCluster returned no cluster");
        logger.LogInformation("Created ECS cluster {Arn} for EcsCluster {Namespace}/{Name}", created.ClusterArn, obj.Metadata.Namespace, obj.Metadata.Name);
        await events.RecordAsync(obj, Event.NormalType, EventReasons.Created, "CreateCluster", $"Created ECS cluster {created.ClusterArn}", cancellationToken);
        return Observed(obj, created);
    }

    public override async Task<ExternalResult<EcsClusterStatus>> UpdateAsync(ManagedContext<EcsCluster> context,
        ExternalObservation<EcsClusterStatus, Live> observed, bool adopting, CancellationToken cancellationToken)
    {
        var (live, desired, comparison) = observed.Live!;
        var ecs = context.Aws.Ecs;
        // Tags first: an adopted cluster carries the owner tag before anything else about it changes.
        if (comparison.TagResource is { } tag)
            await ecs.TagResourceAsync(tag, cancellationToken);
        if (comparison.Update is { } update)
            await ecs.UpdateClusterAsync(update, cancellationToken);
        if (comparison.PutCapacityProviders is { } put)
            await ecs.PutClusterCapacityProvidersAsync(put, cancellationToken);

        // Read back what ECS now reports: Ready means it matches, not that the calls returned.
        var name = live.ClusterName ?? ClusterTranslator.ClusterName(context.Object);
        var after = await DescribeAsync(ecs, name, cancellationToken) ?? live;
        if (!ClusterComparer.Compare(desired, after).InSync)
        {
            return new ExternalResult<EcsClusterStatus>(s => ClusterStatusCalculator.From(s, after),
                new ReconcileState.Progressing(ConditionReasons.Updating, $"waiting for ECS cluster {name} to apply the change"), ProgressRecheck);
        }

        return Observed(context.Object, after);
    }

    public override async Task<DeletionResult> DeleteAsync(ManagedContext<EcsCluster> context, CancellationToken cancellationToken)
    {
        var obj = context.Object;
        var name = obj.Status?.ClusterName ?? ClusterTranslator.ClusterName(obj);
        var live = await DescribeAsync(context.Aws.Ecs, name, cancellationToken);
        // Never delete a cluster that is not ours: one we never created or adopted, or someone else's.
        if (live is null || ClusterStatusCalculator.IsGone(live) || live.Tags?.FirstOrDefault(t => t.Key == OwnershipTags.OwnerKey)?.Value != context.Owner)
            return DeletionResult.Done;
        try
        {
            await context.Aws.Ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = live.ClusterArn ?? name }, cancellationToken);
        }
        catch (AwsServiceException e) when (ClusterNotEmptyCodes.Contains(e.ErrorCode))
        {
            // Not an error: the services or tasks are someone's to remove; look again later without an error loop.
            return DeletionResult.Waiting($"ECS refuses to delete cluster {name} while it is not empty ({e.ErrorCode}): remove its services and tasks",
                options.DeletionRecheckInterval);
        }
        catch (AwsServiceException e) when (e.Kind == AwsErrorKind.NotFound)
        {
            return DeletionResult.Done; // already gone: what we wanted
        }

        await events.RecordAsync(obj, Event.NormalType, EventReasons.Deleted, "DeleteCluster", $"Deleted ECS cluster {name}", cancellationToken);
        return DeletionResult.Done;
    }

    /// <summary>The status and state a described cluster stands for, and when to look again.</summary>
    private static ExternalResult<EcsClusterStatus> Observed(EcsCluster obj, Cluster live)
    {
        var name = live.ClusterName ?? ClusterTranslator.ClusterName(obj);
        var attachments = live.AttachmentsStatus ?? "none";
        if (ClusterStatusCalculator.IsFailed(live))
        {
            return new(s => ClusterStatusCalculator.From(s, live), new ReconcileState.Stalled(ConditionReasons.InvalidSpec,
                $"ECS cluster {name} is {live.Status} (capacity provider attachments {attachments}): check the capacity providers in the spec"));
        }

        return ClusterStatusCalculator.IsActive(live)
            ? new(s => ClusterStatusCalculator.From(s, live), new ReconcileState.Ready($"ECS cluster {name} is {ClusterStatusCalculator.Active} and matches the spec"))
            : new(s => ClusterStatusCalculator.From(s, live),
                new ReconcileState.Progressing(ConditionReasons.Creating, $"ECS cluster {name} is {live.Status} (capacity provider attachments {attachments})"), ProgressRecheck);
    }

    /// <summary>ECS cannot rename a cluster: a changed name of a created cluster is for a human to resolve.</summary>
    private static string? Renamed(EcsCluster obj)
    {
        var name = ClusterTranslator.ClusterName(obj);
        return obj.Status?.ClusterName is { } previous && previous != name && obj.Status.Status is not (null or ClusterStatusCalculator.Inactive)
            ? $"spec.clusterName changed from {previous} to {name}: ECS cannot rename a cluster; set it back, or delete this object and create a new one"
            : null;
    }

    private static async Task<Cluster?> DescribeAsync(IEcsApi ecs, string name, CancellationToken cancellationToken)
    {
        var response = await ecs.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [name], Include = Include }, cancellationToken);
        return response.Clusters?.FirstOrDefault(c => c.ClusterName == name) ?? response.Clusters?.FirstOrDefault();
    }

    /// <summary>The ECS names of the Ready EcsCapacityProviders in spec.capacityProviderRefs (all of them once WaitingFor passed).</summary>
    private List<string> ReferencedProviders(EcsCluster obj) =>
        [.. (obj.Spec.CapacityProviderRefs ?? []).Select(r => references.CapacityProvider(obj.Metadata.Namespace, r.Name))
            .Where(r => r.IsReady).Select(r => r.Object!.Status!.Name!)];

    private static string? Joined(IReadOnlyList<FieldError> errors) => errors.Count == 0 ? null : string.Join("; ", errors.Select(e => e.ToString()));

    /// <summary>The described cluster, the spec's create request and how they differ.</summary>
    public sealed record Live(Cluster Cluster, CreateClusterRequest Desired, ClusterComparison Comparison);
}
