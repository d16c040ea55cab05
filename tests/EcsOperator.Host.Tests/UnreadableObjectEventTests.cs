using EcsOperator.Api.Shared;
using Xunit;

namespace EcsOperator.Host.Tests;

/// <summary>An object the operator cannot read gets a Warning event saying so, and the other objects are reconciled as usual.</summary>
public sealed class UnreadableObjectEventTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cluster_that_cannot_be_decoded_gets_a_warning_event_and_the_others_still_become_ready()
    {
        await using var op = await InProcessOperator.StartAsync(TimeSpan.FromMinutes(5), Ct);
        await op.Clusters.CreateAsync(InProcessOperator.NewCluster("unreadable"), Ct);
        await op.Clusters.CreateAsync(InProcessOperator.NewCluster("readable"), Ct);
        await WaitReadyAsync(op, "unreadable");
        // Valid for the schema (an integer without a maximum), but beyond what the operator's type holds: the kind of
        // object another writer or an older CRD version can leave behind.
        op.Kube.PatchObject("ecs.operator.dev", "ecsclusters", InProcessOperator.Namespace, "unreadable",
            o => o["status"]!["activeServicesCount"] = 99_999_999_999L, actor: "someone-else", status: true);

        await Eventually.TrueAsync(
            () => op.Kube.ListObjects("events.k8s.io", "events", InProcessOperator.Namespace)
                .Any(e => (string?)e["reason"] == EventReasons.ObjectUnreadable && (string?)e["regarding"]?["name"] == "unreadable"),
            "a Warning event on the unreadable cluster", TimeSpan.FromSeconds(30));
        var warning = op.Kube.ListObjects("events.k8s.io", "events", InProcessOperator.Namespace)
            .First(e => (string?)e["reason"] == EventReasons.ObjectUnreadable);
        Assert.Equal("Warning", (string?)warning["type"]);
        Assert.Equal("EcsCluster", (string?)warning["regarding"]?["kind"]);
        Assert.Contains("cannot be read", (string?)warning["note"], StringComparison.Ordinal);

        // The informer goes on: a cluster created after the unreadable one is reconciled as usual.
        await op.Clusters.CreateAsync(InProcessOperator.NewCluster("later"), Ct);
        await WaitReadyAsync(op, "later");
    }

    private static Task WaitReadyAsync(InProcessOperator op, string name) =>
        Eventually.ValueAsync(
            () => op.Clusters.GetAsync(InProcessOperator.Namespace, name, Ct),
            c => c.Status?.Conditions?.Any(x => x.Type == ConditionTypes.Ready && x.Status == Kubernetes.Model.ConditionStatus.True) == true,
            $"cluster {name} becomes Ready", TimeSpan.FromSeconds(30));
}
