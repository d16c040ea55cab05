using EcsOperator.Kubernetes.Leader;
using EcsOperator.Kubernetes.Tests.Support;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Leader;

public sealed class LeaderElectionEndToEndTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_replicas_on_a_real_Lease_one_leads_then_hands_over_on_release()
    {
        await using var f = await ClientFixture.StartAsync();
        // A lease far longer than any wait below: only the release can explain a takeover (an expired lease cannot),
        // however slowly a loaded machine runs the test (a 3 s lease and a 2 s takeover bound were a race on a loaded machine).
        var timing = new LeaderElectionOptions
        {
            LeaseName = "ecs-operator",
            LeaseNamespace = "operators",
            LeaseDuration = TimeSpan.FromSeconds(60),
            RenewDeadline = TimeSpan.FromSeconds(40),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
        var a = new LeaderElector(new KubernetesLeaseLock(f.Client, "operators", "ecs-operator"), timing with { Identity = "pod-a" });
        var b = new LeaderElector(new KubernetesLeaseLock(f.Client, "operators", "ecs-operator"), timing with { Identity = "pod-b" });
        using var stopA = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        using var stopB = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var leaderWorkRuns = 0;
        Task Work(CancellationToken token)
        {
            Interlocked.Increment(ref leaderWorkRuns);
            return Task.Delay(Timeout.Infinite, token);
        }

        var runA = a.RunAsync(Work, stopA.Token);
        await Eventually.TrueAsync(() => a.IsLeader, "first replica leads");
        var runB = b.RunAsync(Work, stopB.Token);
        // The follower has looked at the lease (waited for, not assumed to happen within the 700 ms below) ...
        await Eventually.TrueAsync(() => b.ObservedLeader == "pod-a", "the second replica sees the first lead", TimeSpan.FromSeconds(30));
        await Task.Delay(700, Ct); // ... and several renewals and retry periods later still only follows
        Assert.True(a.IsLeader);
        Assert.False(b.IsLeader);
        Assert.Equal("pod-a", b.ObservedLeader);
        var lease = f.Server.GetObject("coordination.k8s.io", "leases", "operators", "ecs-operator")!;
        Assert.Equal(("pod-a", 60), ((string?)lease["spec"]?["holderIdentity"], (int?)lease["spec"]?["leaseDurationSeconds"]));

        await stopA.CancelAsync(); // graceful shutdown releases the lease
        Assert.True(await runA.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        await Eventually.TrueAsync(() => b.IsLeader, "second replica takes over", TimeSpan.FromSeconds(30));
        lease = f.Server.GetObject("coordination.k8s.io", "leases", "operators", "ecs-operator")!;
        Assert.Equal(("pod-b", 1), ((string?)lease["spec"]?["holderIdentity"], (int?)lease["spec"]?["leaseTransitions"]));
        Assert.Equal(2, leaderWorkRuns);
        await stopB.CancelAsync();
        await runB.WaitAsync(TimeSpan.FromSeconds(10), Ct);
    }
}
