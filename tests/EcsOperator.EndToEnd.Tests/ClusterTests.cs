using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>The EcsCluster controller, run by the real host against the test API server and the ECS simulator.</summary>
public sealed class ClusterTests
{
    private const string Name = "payments";
    private static readonly string[] MutatingCalls =
    [
        "ecs:CreateCluster", "ecs:UpdateCluster", "ecs:UpdateClusterSettings", "ecs:PutClusterCapacityProviders",
        "ecs:TagResource", "ecs:UntagResource", "ecs:DeleteCluster",
    ];

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creating_creates_the_cluster_once_with_the_owner_tag_and_a_resync_changes_nothing()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));

        await env.Clusters.CreateAsync(NewCluster(Name), Ct);
        var ready = await WaitReadyAsync(env, Name);

        Assert.Equal(1, env.Ecs.Calls["ecs:CreateCluster"]);
        Assert.EndsWith($":cluster/{Name}", ready.Status!.ClusterArn, StringComparison.Ordinal);
        Assert.Equal("ACTIVE", ready.Status.Status);
        Assert.Contains(ApiGroup.CleanupFinalizer, ready.Metadata.Finalizers!);
        var live = Described(env, Name);
        Assert.Equal("enabled", Setting(live, "containerInsights"));
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/{Name}", Tag(live, ApiGroup.OwnerTagKey), StringComparison.Ordinal);

        // Several resyncs of an unchanged cluster only describe it.
        var reconciles = env.ClusterReconcileCount;
        await Eventually(() => env.ClusterReconcileCount >= reconciles + 3, "three resyncs");
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateCluster"]);
        Assert.Equal(1, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        Assert.Null(Condition(await env.Clusters.GetAsync(OperatorEnvironment.Namespace, Name, Ct), ConditionTypes.Drifted));
    }

    [Fact]
    public async Task An_invalid_cluster_name_is_Stalled_with_the_field_path_without_any_ECS_call()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);

        // A valid Kubernetes name that ECS does not accept as a cluster name.
        await env.Clusters.CreateAsync(NewCluster("pay.ments"), Ct);
        var stalled = await WaitForAsync(env, "pay.ments", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" } && o.Status!.ObservedGeneration == o.Metadata.Generation);

        var condition = Condition(stalled, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionReasons.InvalidSpec, condition.Reason);
        Assert.Contains("spec.clusterName", condition.Message, StringComparison.Ordinal);
        Assert.Equal(0, env.Ecs.Calls.Total);
    }

    [Fact]
    public async Task Changing_a_setting_sends_exactly_one_UpdateCluster()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);
        await env.Clusters.CreateAsync(NewCluster(Name), Ct);
        await WaitReadyAsync(env, Name);

        await EditSpecAsync(env, Name, s => s with { Settings = [new ClusterSetting { Name = "containerInsights", Value = "disabled" }] });
        await WaitReadyAsync(env, Name);

        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateCluster"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:PutClusterCapacityProviders"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:TagResource"]);
        Assert.Equal("disabled", Setting(Described(env, Name), "containerInsights"));
        Assert.Null(Condition(await env.Clusters.GetAsync(OperatorEnvironment.Namespace, Name, Ct), ConditionTypes.Drifted));
    }

    [Fact]
    public async Task Changing_the_capacity_providers_sends_exactly_one_PutClusterCapacityProviders()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);
        await env.Clusters.CreateAsync(NewCluster(Name), Ct);
        await WaitReadyAsync(env, Name);

        await EditSpecAsync(env, Name, s => s with
        {
            CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
            DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 1 }],
        });
        await WaitReadyAsync(env, Name);

        Assert.Equal(1, env.Ecs.Calls["ecs:PutClusterCapacityProviders"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateCluster"]);
        var live = Described(env, Name);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], live["capacityProviders"]!.AsArray().Select(p => (string)p!).Order());
        Assert.Equal("FARGATE_SPOT", (string?)live["defaultCapacityProviderStrategy"]![0]!["capacityProvider"]);
    }

    [Fact]
    public async Task Drift_is_set_back_under_Correct_and_the_Drifted_condition_clears_once_in_sync()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await env.Clusters.CreateAsync(NewCluster(Name), Ct);
        await WaitReadyAsync(env, Name);

        ChangeContainerInsightsInAws(env, "disabled");
        await Eventually(() => Setting(Described(env, Name), "containerInsights") == "enabled", "the setting set back");
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.DriftCorrected), "a DriftCorrected event");
        Assert.Contains(EventReasons.DriftDetected, EventReasonsSeen(env));
        var settled = await WaitForAsync(env, Name, o => Condition(o, ConditionTypes.Drifted) is { Status: "False" });

        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateCluster"]);
        Assert.Equal(ConditionReasons.DriftCorrected, Condition(settled, ConditionTypes.Drifted)!.Reason);
        Assert.Equal("True", Condition(settled, ConditionTypes.Ready)!.Status);
    }

    [Fact]
    public async Task Drift_is_only_reported_under_Report()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));
        await env.Clusters.CreateAsync(NewCluster(Name) with { Spec = NewCluster(Name).Spec with { DriftPolicy = DriftPolicy.Report } }, Ct);
        await WaitReadyAsync(env, Name);

        ChangeContainerInsightsInAws(env, "disabled");
        var drifted = await WaitForAsync(env, Name, o => Condition(o, ConditionTypes.Drifted) is { Status: "True" });
        var condition = Condition(drifted, ConditionTypes.Drifted)!;
        Assert.Equal(ConditionReasons.DriftReported, condition.Reason);
        Assert.Contains("settings", condition.Message, StringComparison.Ordinal);

        var reconciles = env.ClusterReconcileCount;
        await Eventually(() => env.ClusterReconcileCount >= reconciles + 3, "three more resyncs");
        Assert.Equal("disabled", Setting(Described(env, Name), "containerInsights"));
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateCluster"]);
        Assert.Equal("True", Condition(await env.Clusters.GetAsync(OperatorEnvironment.Namespace, Name, Ct), ConditionTypes.Drifted)!.Status);
    }

    [Fact]
    public async Task An_existing_untagged_cluster_is_NotOwned_and_untouched_until_adoptionPolicy_is_Adopt()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        env.Ecs.Invoke("CreateCluster", new JsonObject
        {
            ["clusterName"] = Name,
            ["tags"] = new JsonArray(
                new JsonObject { ["key"] = "team", ["value"] = "payments" },
                new JsonObject { ["key"] = "cost-center", ["value"] = "42" }),
        });
        await env.StartOperatorAsync(Ct);
        await env.Clusters.CreateAsync(NewCluster(Name, tags: [new Tag { Key = "team", Value = "payments" }]), Ct);

        var stalled = await WaitForAsync(env, Name, o => Condition(o, ConditionTypes.Stalled) is { Status: "True" });
        Assert.Equal(ConditionReasons.NotOwned, Condition(stalled, ConditionTypes.Stalled)!.Reason);
        Assert.Contains("adoptionPolicy: Adopt", Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        Assert.Null(Tag(Described(env, Name), ApiGroup.OwnerTagKey));
        Assert.Equal("disabled", Setting(Described(env, Name), "containerInsights"));

        await EditSpecAsync(env, Name, s => s with { AdoptionPolicy = AdoptionPolicy.Adopt });
        var ready = await WaitReadyAsync(env, Name);

        var live = Described(env, Name);
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/{Name}", Tag(live, ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        Assert.Equal("payments", Tag(live, "team"));
        Assert.Equal("42", Tag(live, "cost-center")); // not in the spec: not the operator's to remove
        Assert.Equal("enabled", Setting(live, "containerInsights"));
        Assert.Equal(0, env.Ecs.Calls["ecs:CreateCluster"]);
        Assert.Equal(1, env.Ecs.Calls["ecs:TagResource"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:UntagResource"]);
        Assert.Null(Condition(ready, ConditionTypes.Stalled));
        Assert.Null(Condition(ready, ConditionTypes.Drifted));
    }

    [Fact]
    public async Task A_cluster_tagged_by_another_owner_is_NotOwned_even_with_Adopt_and_survives_deletion()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        env.Ecs.Invoke("CreateCluster", new JsonObject
        {
            ["clusterName"] = Name,
            ["tags"] = new JsonArray(new JsonObject { ["key"] = ApiGroup.OwnerTagKey, ["value"] = "another-cluster/shop/payments" }),
        });
        await env.StartOperatorAsync(Ct);
        await env.Clusters.CreateAsync(NewCluster(Name) with { Spec = NewCluster(Name).Spec with { AdoptionPolicy = AdoptionPolicy.Adopt } }, Ct);

        var stalled = await WaitForAsync(env, Name, o => Condition(o, ConditionTypes.Stalled) is { Status: "True" });
        Assert.Equal(ConditionReasons.NotOwned, Condition(stalled, ConditionTypes.Stalled)!.Reason);
        // The other owner is another namespace's business: the message says so without naming it.
        Assert.Contains("owned by another object", Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("another-cluster", Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);

        await env.Clusters.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);
        await Eventually(async () => await env.Clusters.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null, "the object is gone");
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        Assert.Equal("ACTIVE", (string?)Described(env, Name)["status"]);
    }

    [Fact]
    public async Task Deletion_waits_without_a_hot_loop_while_a_service_remains_then_deletes_the_cluster()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o => o.DeletionRecheckInterval = TimeSpan.FromMilliseconds(300));
        await env.Clusters.CreateAsync(NewCluster(Name), Ct);
        await WaitReadyAsync(env, Name);
        env.Ecs.Invoke("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "web",
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1", ["memory"] = 128 }),
        });
        env.Ecs.Invoke("CreateService", new JsonObject
        {
            ["cluster"] = Name,
            ["serviceName"] = "web",
            ["taskDefinition"] = "web:1",
            ["desiredCount"] = 0,
            ["launchType"] = "EC2",
        });

        await env.Clusters.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);
        var deleting = await WaitForAsync(env, Name, o => Condition(o, ConditionTypes.Ready) is { Reason: ConditionReasons.Deleting });
        Assert.Contains("ClusterContainsServicesException", Condition(deleting, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Equal("True", Condition(deleting, ConditionTypes.Reconciling)!.Status);
        Assert.Null(Condition(deleting, ConditionTypes.Stalled));

        // Rechecked at the deletion interval, not hammered: 1.5 s at 300 ms allows about five attempts. A loaded
        // machine may make fewer in the window, so the recheck is waited for rather than counted in it.
        var attempts = env.Ecs.Calls["ecs:DeleteCluster"];
        await Task.Delay(TimeSpan.FromMilliseconds(1500), Ct);
        Assert.InRange(env.Ecs.Calls["ecs:DeleteCluster"] - attempts, 0, 10);
        await Eventually(() => env.Ecs.Calls["ecs:DeleteCluster"] - attempts >= 1, "DeleteCluster attempted again");
        Assert.Equal("ACTIVE", (string?)Described(env, Name)["status"]);

        env.Ecs.Invoke("DeleteService", new JsonObject { ["cluster"] = Name, ["service"] = "web", ["force"] = true });
        env.Ecs.Tick(3); // DRAINING -> INACTIVE
        await Eventually(async () => await env.Clusters.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null, "the object is gone");
        Assert.Equal("INACTIVE", (string?)Described(env, Name)["status"]);
    }

    private static EcsCluster NewCluster(string name, IReadOnlyList<Tag>? tags = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsClusterSpec
        {
            Settings = [new ClusterSetting { Name = "containerInsights", Value = "enabled" }],
            Tags = tags,
        },
    };

    private static void ChangeContainerInsightsInAws(OperatorEnvironment env, string value) =>
        env.Ecs.Invoke("UpdateClusterSettings", new JsonObject
        {
            ["cluster"] = Name,
            ["settings"] = new JsonArray(new JsonObject { ["name"] = "containerInsights", ["value"] = value }),
        });

    private static async Task EditSpecAsync(OperatorEnvironment env, string name, Func<EcsClusterSpec, EcsClusterSpec> edit)
    {
        var current = await env.Clusters.GetAsync(OperatorEnvironment.Namespace, name, Ct);
        await env.Clusters.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
    }

    /// <summary>Ready=True for the object's current generation.</summary>
    private static Task<EcsCluster> WaitReadyAsync(OperatorEnvironment env, string name) =>
        Waits.ReadyAsync(env.Clusters, name, o => o.Status, o => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsClusterStatus));

    private static Task<EcsCluster> WaitForAsync(OperatorEnvironment env, string name, Func<EcsCluster, bool> condition) =>
        Waits.ForAsync(env.Clusters, name, condition, o => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsClusterStatus));

    private static Condition? Condition(EcsCluster obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static List<string?> EventReasonsSeen(OperatorEnvironment env) =>
        env.Kube.ListObjects("events.k8s.io", "events", OperatorEnvironment.Namespace).Select(e => (string?)e["reason"]).ToList();

    private static JsonObject Described(OperatorEnvironment env, string name) =>
        env.Ecs.Invoke("DescribeClusters", new JsonObject
        {
            ["clusters"] = new JsonArray(name),
            ["include"] = new JsonArray("SETTINGS", "CONFIGURATIONS", "TAGS"),
        })["clusters"]![0]!.AsObject();

    private static string? Setting(JsonObject cluster, string name) =>
        (string?)cluster["settings"]?.AsArray().FirstOrDefault(s => (string?)s!["name"] == name)?["value"];

    private static string? Tag(JsonObject cluster, string key) =>
        (string?)cluster["tags"]?.AsArray().FirstOrDefault(t => (string?)t!["key"] == key)?["value"];
}
