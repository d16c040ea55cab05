using EcsOperator.Api.Shared;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Model;
using Xunit;

namespace EcsOperator.Host.Tests.Managed;

/// <summary>
/// The reconcile skeleton every managed kind shares, tested once (the end-to-end suites keep only what differs per
/// kind): guards, AWS refusals and retries, the resync rule, Retain, and the quiet event flow.
/// </summary>
public sealed class ManagedReconcilerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invalid_spec_is_Stalled_InvalidSpec_without_any_AWS_call_and_looked_at_again_only_at_the_resync()
    {
        await using var h = await SkeletonHarness.StartAsync();
        await h.Objects.CreateAsync(SkeletonHarness.New("c", clusterName: "bad-name"), Ct);
        var stalled = await Eventually.ValueAsync(() => Task.FromResult(h.Get("c")), o => Stalled(o) is not null, "Stalled");
        await h.SettleAsync();

        Assert.Equal(ConditionReasons.InvalidSpec, Stalled(stalled)!.Reason);
        Assert.Equal(0, h.External.AwsCalls);
        var reconciles = h.Reconciles;
        await h.AdvanceAsync(SkeletonHarness.Resync * 0.9);
        Assert.Equal(reconciles, h.Reconciles);
        await h.AdvanceAsync(SkeletonHarness.Resync * 0.25);
        Assert.Equal(reconciles + 1, h.Reconciles); // the resync: still refused, still no AWS call
        Assert.Equal(0, h.External.AwsCalls);
    }

    [Fact]
    public async Task Access_denied_stalls_with_a_fixed_message_and_is_retried_at_the_next_resync_not_before()
    {
        await using var h = await SkeletonHarness.StartAsync();
        h.External.Failure = new AwsServiceException("AccessDeniedException",
            "User: arn:aws:sts::111122223333:assumed-role/ecs-operator/i-1 is not authorized to perform: ecs:CreateCluster", 400, "req-1", AwsErrorKind.Terminal);
        await h.Objects.CreateAsync(SkeletonHarness.New("c"), Ct);
        var stalled = await Eventually.ValueAsync(() => Task.FromResult(h.Get("c")), o => Stalled(o) is not null, "Stalled");
        await h.SettleAsync();

        var condition = Stalled(stalled)!;
        Assert.Equal(ConditionReasons.AccessDenied, condition.Reason);
        Assert.Contains("AccessDeniedException", condition.Message, StringComparison.Ordinal);
        Assert.Contains("req-1", condition.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("111122223333", condition.Message, StringComparison.Ordinal); // AWS's text names the account and role
        Assert.Equal(1, h.External.Observes);

        await h.AdvanceAsync(SkeletonHarness.Resync * 0.9);
        Assert.Equal(1, h.External.Observes);
        h.External.Failure = null; // the permission was granted
        await h.AdvanceAsync(SkeletonHarness.Resync * 0.25);
        Assert.Equal(2, h.External.Observes);
        Assert.Equal(1, h.External.Creates);
        await Eventually.TrueAsync(() => ConditionSet.IsTrue(h.Get("c")?.Status?.Conditions, ConditionTypes.Ready), "Ready after the resync");
    }

    [Fact]
    public async Task A_create_without_a_read_that_AWS_refuses_is_observed_for_real_and_ends_as_if_read_first()
    {
        await using var h = await SkeletonHarness.StartAsync();
        h.External.AssumesMissing = true;
        h.External.Exists = true;
        h.External.OwnerTag = "another-cluster/ns/c";
        await h.Objects.CreateAsync(SkeletonHarness.New("c"), Ct);
        var stalled = await Eventually.ValueAsync(() => Task.FromResult(h.Get("c")), o => Stalled(o) is not null, "Stalled");
        await h.SettleAsync();

        Assert.Equal(ConditionReasons.NotOwned, Stalled(stalled)!.Reason);
        Assert.Equal(1, h.External.Creates); // the refused one
        Assert.Equal(2, h.External.Observes); // assumed, then read
        Assert.Equal(0, h.External.Updates);
    }

    [Fact]
    public async Task A_retryable_error_writes_Retrying_and_backs_off_before_the_next_attempt()
    {
        await using var h = await SkeletonHarness.StartAsync();
        h.External.Failure = new AwsServiceException("ThrottlingException", "Rate exceeded", 400, "req-2", AwsErrorKind.Retryable);
        await h.Objects.CreateAsync(SkeletonHarness.New("c"), Ct);
        var retrying = await Eventually.ValueAsync(() => Task.FromResult(h.Get("c")),
            o => ConditionSet.Find(o?.Status?.Conditions, ConditionTypes.Reconciling)?.Reason == ConditionReasons.RetryingAfterError, "Retrying");
        await h.SettleAsync();
        Assert.Equal(ConditionStatus.False, ConditionSet.Find(retrying!.Status!.Conditions, ConditionTypes.Ready)!.Status);
        Assert.Equal(1, h.External.Observes);

        await h.AdvanceAsync(SkeletonHarness.Backoff * 0.5);
        Assert.Equal(1, h.External.Observes); // backing off
        h.External.Failure = null;
        await h.AdvanceAsync(SkeletonHarness.Backoff);
        Assert.Equal(2, h.External.Observes);
        await Eventually.TrueAsync(() => ConditionSet.IsTrue(h.Get("c")?.Status?.Conditions, ConditionTypes.Ready), "Ready after the retry");
        Assert.Null(ConditionSet.Find(h.Get("c")!.Status!.Conditions, ConditionTypes.Reconciling));
    }

    [Theory]
    [InlineData(DeletionPolicy.Retain, 0)]
    [InlineData(DeletionPolicy.Delete, 1)]
    public async Task Deletion_removes_the_finalizer_and_deletes_in_AWS_only_under_Delete(DeletionPolicy policy, int deletes)
    {
        await using var h = await SkeletonHarness.StartAsync();
        var obj = SkeletonHarness.New("c");
        await h.Objects.CreateAsync(obj with { Spec = obj.Spec with { DeletionPolicy = policy } }, Ct);
        await Eventually.TrueAsync(() => ConditionSet.IsTrue(h.Get("c")?.Status?.Conditions, ConditionTypes.Ready), "Ready");

        await h.Objects.DeleteAsync(SkeletonHarness.Namespace, "c", cancellationToken: Ct);
        await Eventually.ValueAsync(() => h.Objects.TryGetAsync(SkeletonHarness.Namespace, "c", Ct), o => o is null, "the object is gone");
        Assert.Equal(deletes, h.External.Deletes);
    }

    [Fact]
    public async Task A_status_write_causes_no_further_reconcile_and_a_spec_change_exactly_one()
    {
        await using var h = await SkeletonHarness.StartAsync();
        await h.Objects.CreateAsync(SkeletonHarness.New("c"), Ct);
        await Eventually.TrueAsync(() => ConditionSet.IsTrue(h.Get("c")?.Status?.Conditions, ConditionTypes.Ready), "Ready");
        await h.SettleAsync();
        // One reconcile adds the finalizer and creates; neither the finalizer's watch event nor the status write wakes it.
        Assert.Equal(1, h.Reconciles);
        await Task.Delay(300, Ct);
        Assert.Equal(1, h.Reconciles);

        var current = await h.Objects.GetAsync(SkeletonHarness.Namespace, "c", Ct);
        await h.Objects.ReplaceAsync(current with { Spec = current.Spec with { DriftPolicy = DriftPolicy.Report } }, Ct);
        await Eventually.TrueAsync(() => h.Get("c")?.Status?.ObservedGeneration == 2, "the new generation observed");
        await h.SettleAsync();
        await Task.Delay(300, Ct);
        Assert.Equal(2, h.Reconciles);
    }

    [Fact]
    public async Task A_resync_that_finds_nothing_changed_writes_no_status_and_a_wiped_status_is_restored_by_it()
    {
        await using var h = await SkeletonHarness.StartAsync();
        await h.Objects.CreateAsync(SkeletonHarness.New("c"), Ct);
        await Eventually.TrueAsync(() => ConditionSet.IsTrue(h.Get("c")?.Status?.Conditions, ConditionTypes.Ready), "Ready");
        await h.SettleAsync();
        var writes = h.StatusWrites;
        var version = h.Get("c")!.Metadata.ResourceVersion;

        var reconciles = h.Reconciles;
        await h.AdvanceAsync(SkeletonHarness.Resync * 1.15);
        Assert.Equal(reconciles + 1, h.Reconciles);
        Assert.Equal(writes, h.StatusWrites);
        Assert.Equal(version, (await h.Objects.GetAsync(SkeletonHarness.Namespace, "c", Ct)).Metadata.ResourceVersion);

        // Wiped by hand: nothing reconciles on it (a status change), the next resync restores it.
        var current = await h.Objects.GetAsync(SkeletonHarness.Namespace, "c", Ct);
        await h.Objects.ReplaceStatusAsync(current with { Status = new() }, Ct);
        await Eventually.TrueAsync(() => h.Get("c")?.Status?.Conditions is null, "the wiped status seen");
        await h.SettleAsync();
        Assert.Equal(reconciles + 1, h.Reconciles);
        await h.AdvanceAsync(SkeletonHarness.Resync * 1.15);
        await Eventually.TrueAsync(() => ConditionSet.IsTrue(h.Get("c")?.Status?.Conditions, ConditionTypes.Ready), "restored at the resync");
    }

    [Fact]
    public async Task A_refusal_from_observe_stalls_with_its_reason_and_neither_creates_nor_updates()
    {
        await using var h = await SkeletonHarness.StartAsync();
        h.External.Exists = true;
        h.External.Differences = ["spec.launchType"];
        h.External.Refusal = new ReconcileState.Stalled(ConditionReasons.ImmutableFieldChanged, "ECS cannot change spec.launchType of a live resource");
        await h.Objects.CreateAsync(SkeletonHarness.New("c"), Ct);
        var stalled = await Eventually.ValueAsync(() => Task.FromResult(h.Get("c")), o => Stalled(o) is not null, "Stalled");
        await h.SettleAsync();

        Assert.Equal(ConditionReasons.ImmutableFieldChanged, Stalled(stalled)!.Reason);
        Assert.Contains("spec.launchType", Stalled(stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.External.Creates + h.External.Updates);
    }

    [Fact]
    public async Task A_difference_after_the_desired_state_moved_on_is_an_update_and_only_one_without_that_is_drift()
    {
        await using var h = await SkeletonHarness.StartAsync();
        await h.Objects.CreateAsync(SkeletonHarness.New("c"), Ct);
        await Eventually.TrueAsync(() => ConditionSet.IsTrue(h.Get("c")?.Status?.Conditions, ConditionTypes.Ready), "Ready");
        await h.SettleAsync();

        // A referenced object moved on (same generation): an update, not drift.
        h.External.Differences = ["taskDefinition"];
        h.External.DesiredChanged = true;
        await h.AdvanceAsync(SkeletonHarness.Resync * 1.15);
        await Eventually.TrueAsync(() => h.External.Updates == 1, "updated");
        await h.SettleAsync();
        Assert.Null(ConditionSet.Find(h.Get("c")!.Status!.Conditions, ConditionTypes.Drifted));

        // The same difference while the applied spec still resolves the same way: drift, corrected and named.
        h.External.DesiredChanged = false;
        await h.AdvanceAsync(SkeletonHarness.Resync * 1.15);
        await Eventually.TrueAsync(() => h.External.Updates == 2, "corrected");
        await Eventually.TrueAsync(() => ConditionSet.Find(h.Get("c")?.Status?.Conditions, ConditionTypes.Drifted)?.Message?.Contains("taskDefinition", StringComparison.Ordinal) == true,
            "Drifted names the field");
    }

    private static Condition? Stalled(Api.Clusters.EcsCluster? obj) =>
        ConditionSet.Find(obj?.Status?.Conditions, ConditionTypes.Stalled) is { Status: ConditionStatus.True } c ? c : null;
}
