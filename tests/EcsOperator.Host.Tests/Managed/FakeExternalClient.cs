using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Shared;
using EcsOperator.Core.Conditions;
using EcsOperator.Hosting;
using EcsOperator.Reconcilers.Managed;

namespace EcsOperator.Host.Tests.Managed;

/// <summary>
/// An external client over EcsCluster objects that touches no AWS: it counts calls and does what the test says
/// (a resource that exists once created, an error to throw, a guard to refuse with).
/// </summary>
internal sealed class FakeExternalClient : ExternalClient<EcsCluster, EcsClusterStatus, object>
{
    private int _observes;
    private int _creates;
    private int _updates;
    private int _deletes;

    public override ManagedKind<EcsCluster, EcsClusterStatus> Kind { get; } = new(
        EcsCluster.KindName, OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster,
        o => o.Status, (o, s) => o with { Status = s }, () => new EcsClusterStatus(),
        (s, generation, conditions) => s with { ObservedGeneration = generation, Conditions = conditions });

    /// <summary>A guard that refuses clusters whose clusterName starts with "bad" (InvalidSpec).</summary>
    public override IReadOnlyList<SpecGuard<EcsCluster>> Guards { get; } =
        [new(ConditionReasons.InvalidSpec, o => o.Spec.ClusterName?.StartsWith("bad", StringComparison.Ordinal) == true ? "spec.clusterName: bad" : null)];

    /// <summary>Thrown by the next observes while set.</summary>
    public Exception? Failure { get; set; }

    /// <summary>What the next observes report as differing from the spec.</summary>
    public IReadOnlyList<string> Differences { get; set; } = [];

    /// <summary>Whether the next observes say the spec resolves to something new (a referenced object moved on).</summary>
    public bool DesiredChanged { get; set; }

    /// <summary>A refusal the next observes report (e.g. an immutable field).</summary>
    public ReconcileState.Stalled? Refusal { get; set; }

    /// <summary>
    /// Whether Observe takes the resource as missing without reading it (as EcsService does when status records no
    /// service) until the skeleton says it must read; Create then refuses (CreateRefusedException) when it exists.
    /// </summary>
    public bool AssumesMissing { get; set; }

    /// <summary>The owner tag the existing resource carries; null: this object's owner.</summary>
    public string? OwnerTag { get; set; }

    /// <summary>Whether the AWS resource exists (Create sets it).</summary>
    public bool Exists { get; set; }

    /// <summary>The object the last ObserveAsync was given.</summary>
    public EcsCluster? LastObserved { get; private set; }

    public int Observes => Volatile.Read(ref _observes);

    public int Creates => Volatile.Read(ref _creates);

    public int Updates => Volatile.Read(ref _updates);

    public int Deletes => Volatile.Read(ref _deletes);

    /// <summary>Every call that would reach AWS.</summary>
    public int AwsCalls => Observes + Creates + Updates + Deletes;

    public override string Describe(EcsCluster obj) => $"fake resource {obj.Metadata.Name}";

    public override DeletionPolicy DeletionPolicyOf(EcsCluster obj) => obj.Spec.DeletionPolicy;

    public override DriftPolicy DriftPolicyOf(EcsCluster obj) => obj.Spec.DriftPolicy;

    public override Task<ExternalObservation<EcsClusterStatus, object>> ObserveAsync(ManagedContext<EcsCluster> context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _observes);
        LastObserved = context.Object;
        if (Failure is { } failure)
            throw failure;
        if (AssumesMissing && !context.MustRead)
            return Task.FromResult(ExternalObservation<EcsClusterStatus, object>.Missing);
        return Task.FromResult(Exists
            ? new ExternalObservation<EcsClusterStatus, object>
            {
                OwnerTag = OwnerTag ?? context.Owner, Result = Ready(context.Object), Differences = Differences, DesiredChangedSinceApplied = DesiredChanged, Refusal = Refusal,
            }
            : ExternalObservation<EcsClusterStatus, object>.Missing);
    }

    public override Task<ExternalResult<EcsClusterStatus>> CreateAsync(ManagedContext<EcsCluster> context, ExternalObservation<EcsClusterStatus, object> observed,
        CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _creates);
        if (Exists && AssumesMissing && !context.MustRead)
            throw new CreateRefusedException("the name is taken", new InvalidOperationException("Creation of service was not idempotent."));
        Exists = true;
        return Task.FromResult(Ready(context.Object));
    }

    public override Task<ExternalResult<EcsClusterStatus>> UpdateAsync(ManagedContext<EcsCluster> context, ExternalObservation<EcsClusterStatus, object> observed,
        bool adopting, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _updates);
        return Task.FromResult(Ready(context.Object));
    }

    public override Task<DeletionResult> DeleteAsync(ManagedContext<EcsCluster> context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _deletes);
        Exists = false;
        return Task.FromResult(DeletionResult.Done);
    }

    private static ExternalResult<EcsClusterStatus> Ready(EcsCluster obj) =>
        new(s => s with { ClusterName = obj.Spec.ClusterName ?? obj.Metadata.Name, Status = "ACTIVE" }, new ReconcileState.Ready("the fake resource matches the spec"));
}
