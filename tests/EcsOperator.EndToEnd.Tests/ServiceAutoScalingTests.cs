using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Aws;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Kubernetes.Model;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// spec.autoScaling of an EcsService, run by the real host against the test API server and the ECS simulator: the
/// operator registers what the spec says, sets desiredCount only on create, and never fights the autoscaler.
/// </summary>
public sealed class ServiceAutoScalingTests
{
    private const string Cluster = "default";
    private const string Name = "web";
    private const string ResourceId = $"service/{Cluster}/{Name}";

    private static readonly string[] AutoScalingMutations =
    [
        "RegisterScalableTarget", "DeregisterScalableTarget", "PutScalingPolicy", "DeleteScalingPolicy",
        "PutScheduledAction", "DeleteScheduledAction", "application-autoscaling:TagResource",
    ];

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Autoscaling_added_to_a_running_service_then_changed_then_removed_sends_only_what_changed()
    {
        await using var env = await StartAsync();
        await env.Services.CreateAsync(NewService(Name, desiredCount: 2, autoScaling: null), Ct);
        var plain = await WaitReadyAsync(env, Name);
        Assert.Null(plain.Status!.AutoScaling);
        Assert.Equal(0, env.Ecs.Calls["application-autoscaling:DescribeScalableTargets"]); // no autoscaling costs nothing

        // Added: the target with the owner tag, its policies and scheduled action, all in status.
        await EditSpecAsync(env, Name, s => s with { AutoScaling = Scaling(min: 1, max: 5) });
        var added = await WaitForAsync(env, Name, o => Applied(o) && o.Status!.AutoScaling is { PolicyArns.Count: 2, ScheduledActionArns.Count: 1 });
        var target = LiveTarget(env)!;
        Assert.Equal((1, 5), ((int)target["MinCapacity"]!, (int)target["MaxCapacity"]!));
        Assert.Equal((string?)target["ScalableTargetARN"], added.Status!.AutoScaling!.ScalableTargetArn);
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/{Name}", await TargetOwnerAsync(env, (string)target["ScalableTargetARN"]!), StringComparison.Ordinal);
        Assert.Equal(LivePolicyArns(env), added.Status.AutoScaling.PolicyArns);
        Assert.Null(Condition(added, ConditionTypes.Drifted));

        // Changed: the range and one policy; nothing else is sent, and the service itself is not updated.
        env.Ecs.Calls.Reset();
        await EditSpecAsync(env, Name, s => s with { AutoScaling = Scaling(min: 2, max: 8, cpuTarget: 65) });
        var changed = await WaitForAsync(env, Name, o => Applied(o) && o.Status!.AutoScaling?.MaxCapacity == 8);
        Assert.Equal(1, env.Ecs.Calls["RegisterScalableTarget"]);
        Assert.Equal(1, env.Ecs.Calls["PutScalingPolicy"]);
        Assert.Equal(2, AutoScalingMutations.Sum(c => env.Ecs.Calls[c]));
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Equal(65.0, (double)LivePolicy(env, "cpu")["TargetTrackingScalingPolicyConfiguration"]!["TargetValue"]!);
        Assert.Equal(2, changed.Status!.AutoScaling!.MinCapacity);
        Assert.Null(Condition(changed, ConditionTypes.Drifted)); // a spec change is an update, not drift

        // Removed: policies and the scheduled action go, the target is deregistered, status forgets it.
        env.Ecs.Calls.Reset();
        await EditSpecAsync(env, Name, s => s with { AutoScaling = null });
        await WaitForAsync(env, Name, o => Applied(o) && o.Status!.AutoScaling is null);
        Assert.Null(LiveTarget(env));
        Assert.Empty(LivePolicyArns(env) ?? []);
        Assert.Equal(2, env.Ecs.Calls["DeleteScalingPolicy"]);
        Assert.Equal(1, env.Ecs.Calls["DeleteScheduledAction"]);
        Assert.Equal(1, env.Ecs.Calls["DeregisterScalableTarget"]);
        Assert.Equal("ACTIVE", (string?)DescribeService(env, Name)["status"]);

        // From now on resyncs leave Application Auto Scaling alone again.
        env.Ecs.Calls.Reset();
        var reconciles = env.ReconcileCountOf(EcsService.KindName);
        await Eventually(() => env.ReconcileCountOf(EcsService.KindName) >= reconciles + 3, "three resyncs");
        Assert.Equal(0, env.Ecs.Calls["application-autoscaling:DescribeScalableTargets"]);
    }

    [Fact]
    public async Task The_desiredCount_set_by_the_autoscaler_is_never_fought_nor_reported_as_drift()
    {
        await using var env = await StartAsync();
        await env.Services.CreateAsync(NewService(Name, desiredCount: 2, autoScaling: Scaling(min: 1, max: 10)), Ct);
        await WaitReadyAsync(env, Name);
        env.Ecs.Calls.Reset();

        Assert.Equal(7, env.Ecs.TriggerScaling(ResourceId, 7));
        Assert.True(env.Ecs.TickUntil(() => (int?)DescribeService(env, Name)["runningCount"] == 7), "the service scaled to 7 tasks");

        var reconciles = env.ReconcileCountOf(EcsService.KindName);
        await Eventually(() => env.ReconcileCountOf(EcsService.KindName) >= reconciles + 3, "three resyncs");
        var settled = await WaitForAsync(env, Name, o => o.Status?.DesiredCount == 7 && o.Status.RunningCount == 7);

        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Equal(7, (int?)DescribeService(env, Name)["desiredCount"]);
        Assert.Null(Condition(settled, ConditionTypes.Drifted));
        Assert.Equal(ConditionStatus.True, Condition(settled, ConditionTypes.Ready)!.Status);
        Assert.DoesNotContain(EventReasons.DriftDetected, EventReasonsSeen(env));
        Assert.Equal(0, AutoScalingMutations.Sum(c => env.Ecs.Calls[c]));
    }

    [Fact]
    public async Task A_policy_and_range_changed_in_AWS_are_set_back_under_Correct_and_named_in_Drifted()
    {
        await using var env = await StartAsync();
        await env.Services.CreateAsync(NewService(Name, desiredCount: 2, autoScaling: Scaling(min: 1, max: 5)), Ct);
        await WaitReadyAsync(env, Name);
        var reconciles = env.ReconcileCountOf(EcsService.KindName);
        await Eventually(() => env.ReconcileCountOf(EcsService.KindName) >= reconciles + 2, "two resyncs after Ready"); // its cache holds the Ready status
        env.Ecs.Calls.Reset();

        ChangeInAws(env);
        await Eventually(() => (int)LiveTarget(env)!["MaxCapacity"]! == 5
            && (double)LivePolicy(env, "cpu")["TargetTrackingScalingPolicyConfiguration"]!["TargetValue"]! == 50.0, "the autoscaling set back");
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.DriftCorrected), "a DriftCorrected event");
        var settled = await WaitForAsync(env, Name, o => Condition(o, ConditionTypes.Drifted) is { Status: "False" });

        Assert.Equal(ConditionReasons.DriftCorrected, Condition(settled, ConditionTypes.Drifted)!.Reason);
        // The two changes are two AWS calls: a resync may fall between them and find (and correct) each on its own.
        // Either way every changed field is named, and each is set back exactly once.
        string[] changed = ["autoScaling.scalableTarget", "autoScaling.policy/cpu"];
        var named = env.Kube.ListObjects("events.k8s.io", "events", OperatorEnvironment.Namespace)
            .Where(e => (string?)e["reason"] == EventReasons.DriftDetected).Select(e => (string?)e["note"] ?? string.Empty).ToList();
        Assert.All(changed, field => Assert.Contains(named, note => note.Contains(field, StringComparison.Ordinal)));
        var fields = settled.Status!.Drift!.Fields ?? [];
        Assert.NotEmpty(fields);
        Assert.All(fields, field => Assert.Contains(field, changed));
        Assert.Equal(1, env.Ecs.Calls["RegisterScalableTarget"]);
        Assert.Equal(1, env.Ecs.Calls["PutScalingPolicy"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Equal(5, settled.Status.AutoScaling!.MaxCapacity);
    }

    [Fact]
    public async Task A_policy_changed_in_AWS_is_only_reported_under_Report()
    {
        await using var env = await StartAsync();
        var service = NewService(Name, desiredCount: 2, autoScaling: Scaling(min: 1, max: 5));
        await env.Services.CreateAsync(service with { Spec = service.Spec with { DriftPolicy = DriftPolicy.Report } }, Ct);
        await WaitReadyAsync(env, Name);
        env.Ecs.Calls.Reset();

        ChangeInAws(env);
        var drifted = await WaitForAsync(env, Name, o => Condition(o, ConditionTypes.Drifted) is { Status: "True" });
        Assert.Equal(ConditionReasons.DriftReported, Condition(drifted, ConditionTypes.Drifted)!.Reason);
        Assert.Contains("autoScaling.policy/cpu", Condition(drifted, ConditionTypes.Drifted)!.Message, StringComparison.Ordinal);

        var reconciles = env.ReconcileCountOf(EcsService.KindName);
        await Eventually(() => env.ReconcileCountOf(EcsService.KindName) >= reconciles + 3, "three more resyncs");
        Assert.Equal(0, AutoScalingMutations.Sum(c => env.Ecs.Calls[c]));
        Assert.Equal(9, (int)LiveTarget(env)!["MaxCapacity"]!);
        var still = await env.Services.GetAsync(OperatorEnvironment.Namespace, Name, Ct);
        Assert.Equal(ConditionStatus.True, Condition(still, ConditionTypes.Drifted)!.Status);
        Assert.Equal(9, still.Status!.AutoScaling!.MaxCapacity); // status says what is live
    }

    [Fact]
    public async Task A_scalable_target_owned_by_another_object_stalls_the_service_and_is_left_alone()
    {
        await using var env = await StartAsync();
        await env.Services.CreateAsync(NewService(Name, desiredCount: 2, autoScaling: null), Ct);
        await WaitReadyAsync(env, Name);
        env.Ecs.Invoke("RegisterScalableTarget", new JsonObject
        {
            ["ServiceNamespace"] = "ecs", ["ResourceId"] = ResourceId, ["ScalableDimension"] = "ecs:service:DesiredCount",
            ["MinCapacity"] = 1, ["MaxCapacity"] = 9,
            ["Tags"] = new JsonObject { [ApiGroup.OwnerTagKey] = "other-cluster/shop/web" },
        });
        env.Ecs.Calls.Reset();

        await EditSpecAsync(env, Name, s => s with { AutoScaling = Scaling(min: 1, max: 5) });
        var stalled = await WaitForAsync(env, Name, o => Applied(o) && Condition(o, ConditionTypes.Stalled) is { Status: ConditionStatus.True });
        Assert.Contains("is owned by another object", Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("other-cluster", Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);

        // Refused once per generation, not retried in a loop; and nothing of the other owner's target changes.
        var reconciles = env.ReconcileCountOf(EcsService.KindName);
        await Task.Delay(500, Ct);
        Assert.InRange(env.ReconcileCountOf(EcsService.KindName) - reconciles, 0, 6);
        Assert.Equal(0, AutoScalingMutations.Sum(c => env.Ecs.Calls[c]));
        Assert.Equal(9, (int)LiveTarget(env)!["MaxCapacity"]!);
        Assert.Empty(LivePolicyArns(env) ?? []);
    }

    [Fact]
    public async Task On_create_desiredCount_starts_inside_the_autoscaling_range_and_one_outside_it_is_refused()
    {
        await using var env = await StartAsync();
        await env.Services.CreateAsync(NewService("unset", desiredCount: null, autoScaling: Scaling(min: 2, max: 6)), Ct);
        await env.Services.CreateAsync(NewService("within", desiredCount: 4, autoScaling: Scaling(min: 3, max: 6)), Ct);
        await env.Services.CreateAsync(NewService("outside", desiredCount: 1, autoScaling: Scaling(min: 3, max: 6)), Ct);

        await WaitReadyAsync(env, "unset");
        await WaitReadyAsync(env, "within");
        var refused = await WaitForAsync(env, "outside", o => Condition(o, ConditionTypes.Stalled) is { Status: ConditionStatus.True });

        // Without a desiredCount the service starts at minCapacity; with one inside the range, at that count.
        Assert.Equal(2, (int?)DescribeService(env, "unset")["desiredCount"]);
        Assert.Equal(4, (int?)DescribeService(env, "within")["desiredCount"]);

        // Created inside the range: registering the target had nothing to clamp, so AAS recorded no scaling activity.
        foreach (var name in new[] { "unset", "within" })
        {
            var activities = env.Ecs.Invoke("DescribeScalingActivities", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceId"] = $"service/{Cluster}/{name}" });
            Assert.Empty(activities["ScalingActivities"]!.AsArray());
        }

        // A count the autoscaler would overrule at once is a spec error, caught before any AWS call for that service.
        Assert.Equal(ConditionReasons.InvalidSpec, Condition(refused, ConditionTypes.Stalled)!.Reason);
        Assert.Contains("spec.desiredCount", Condition(refused, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Empty(env.Ecs.Invoke("DescribeServices", new JsonObject { ["cluster"] = Cluster, ["services"] = new JsonArray("outside") })["services"]!.AsArray());
        Assert.Empty(env.Ecs.Invoke("DescribeScalableTargets", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceIds"] = new JsonArray($"service/{Cluster}/outside") })["ScalableTargets"]!.AsArray());
    }

    [Fact]
    public async Task Deleting_a_service_removes_its_policies_actions_and_target_before_the_service()
    {
        await using var env = await StartAsync(deletionRecheck: TimeSpan.FromMilliseconds(200));
        await env.Services.CreateAsync(NewService(Name, desiredCount: 2, autoScaling: Scaling(min: 1, max: 5)), Ct);
        await WaitReadyAsync(env, Name);

        // Hold the deletion at the deregistration, to see what was sent before it.
        env.Ecs.Faults.FailNext("DeregisterScalableTarget", 1000, "AccessDeniedException", HttpStatusCode.BadRequest, "not now");
        await env.Services.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);
        await Eventually(() => env.Ecs.Calls["DeregisterScalableTarget"] >= 1, "the target's deregistration");

        Assert.Equal(2, env.Ecs.Calls["DeleteScalingPolicy"]);
        Assert.Equal(1, env.Ecs.Calls["DeleteScheduledAction"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:DeleteService"]);
        Assert.Equal("ACTIVE", (string?)DescribeService(env, Name)["status"]);

        env.Ecs.Faults.Clear();
        // While the service drains, status no longer shows the scalable target that is gone.
        await Eventually(async () => await env.Services.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is { Status.AutoScaling: null },
            "status.autoScaling cleared while the service drains");
        Assert.Equal(1, env.Ecs.Calls["ecs:DeleteService"]);
        await Eventually(async () =>
        {
            env.Ecs.Tick();
            return await env.Services.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null;
        }, "the object is gone");
        Assert.Null(LiveTarget(env));
        Assert.Equal(1, env.Ecs.Calls["ecs:DeleteService"]);
        Assert.Equal("INACTIVE", (string?)DescribeService(env, Name)["status"]);
    }

    /// <summary>Someone raises the range and retunes the cpu policy in the console.</summary>
    private static void ChangeInAws(OperatorEnvironment env)
    {
        env.Ecs.Invoke("RegisterScalableTarget", new JsonObject
        {
            ["ServiceNamespace"] = "ecs", ["ResourceId"] = ResourceId, ["ScalableDimension"] = "ecs:service:DesiredCount", ["MaxCapacity"] = 9,
        });
        env.Ecs.Invoke("PutScalingPolicy", new JsonObject
        {
            ["ServiceNamespace"] = "ecs", ["ResourceId"] = ResourceId, ["ScalableDimension"] = "ecs:service:DesiredCount",
            ["PolicyName"] = "cpu",
            ["PolicyType"] = "TargetTrackingScaling",
            ["TargetTrackingScalingPolicyConfiguration"] = new JsonObject
            {
                ["TargetValue"] = 80.0,
                ["PredefinedMetricSpecification"] = new JsonObject { ["PredefinedMetricType"] = "ECSServiceAverageCPUUtilization" },
            },
        });
    }

    private static async Task<OperatorEnvironment> StartAsync(TimeSpan? deletionRecheck = null)
    {
        var env = await OperatorEnvironment.StartAsync(Ct);
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = Cluster });
        env.Ecs.Invoke("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = Name,
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1", ["memory"] = 128 }),
        });
        await env.StartOperatorAsync(Ct, o =>
        {
            o.ResyncInterval = TimeSpan.FromMilliseconds(200);
            o.DeletionRecheckInterval = deletionRecheck ?? o.DeletionRecheckInterval;
        });
        return env;
    }

    internal static ServiceAutoScaling Scaling(int min, int max, double cpuTarget = 50) => new()
    {
        MinCapacity = min,
        MaxCapacity = max,
        TargetTracking =
        [
            new TargetTrackingPolicy { Name = "cpu", PredefinedMetric = "ECSServiceAverageCPUUtilization", TargetValue = cpuTarget },
            new TargetTrackingPolicy { Name = "memory", PredefinedMetric = "ECSServiceAverageMemoryUtilization", TargetValue = 75, ScaleInCooldown = 120 },
        ],
        Scheduled = [new ScheduledScaling { Name = "nightly", Schedule = "cron(0 22 * * ? *)", MinCapacity = 1, MaxCapacity = 2 }],
    };

    private static EcsService NewService(string name, int? desiredCount, ServiceAutoScaling? autoScaling) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsServiceSpec
        {
            Cluster = Cluster,
            TaskDefinition = $"{Name}:1",
            LaunchType = "EC2",
            DesiredCount = desiredCount,
            AutoScaling = autoScaling,
        },
    };

    private static async Task EditSpecAsync(OperatorEnvironment env, string name, Func<EcsServiceSpec, EcsServiceSpec> edit)
    {
        var current = await env.Services.GetAsync(OperatorEnvironment.Namespace, name, Ct);
        await env.Services.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
    }

    /// <summary>The status was written for the object's current generation.</summary>
    private static bool Applied(EcsService o) => o.Status?.ObservedGeneration == o.Metadata.Generation;

    /// <summary>Ready=True for the current generation, ticking the simulator so that tasks start and rollouts complete.</summary>
    private static Task<EcsService> WaitReadyAsync(OperatorEnvironment env, string name) =>
        Waits.ForAsync(env.Services, name, o =>
        {
            env.Ecs.Tick();
            return Applied(o) && Condition(o, ConditionTypes.Ready) is { Status: ConditionStatus.True } ready && ready.ObservedGeneration == o.Metadata.Generation;
        }, Describe);

    private static Task<EcsService> WaitForAsync(OperatorEnvironment env, string name, Func<EcsService, bool> condition) =>
        Waits.ForAsync(env.Services, name, o =>
        {
            env.Ecs.Tick();
            return condition(o);
        }, Describe);

    private static string Describe(EcsService o) => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsServiceStatus);

    private static Condition? Condition(EcsService obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static List<string?> EventReasonsSeen(OperatorEnvironment env) =>
        env.Kube.ListObjects("events.k8s.io", "events", OperatorEnvironment.Namespace).Select(e => (string?)e["reason"]).ToList();

    private static JsonObject DescribeService(OperatorEnvironment env, string name) =>
        env.Ecs.Invoke("DescribeServices", new JsonObject { ["cluster"] = Cluster, ["services"] = new JsonArray(name) })["services"]![0]!.AsObject();

    private static JsonObject? LiveTarget(OperatorEnvironment env) =>
        env.Ecs.Invoke("DescribeScalableTargets", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceIds"] = new JsonArray(ResourceId) })["ScalableTargets"]!
            .AsArray().SingleOrDefault()?.AsObject();

    /// <summary>
    /// The target's owner tag, read through a separate client (the simulator's Invoke routes ListTagsForResource to
    /// ECS, whose operation has the same name); it counts as one ListTagsForResource call.
    /// </summary>
    private static async Task<string?> TargetOwnerAsync(OperatorEnvironment env, string arn)
    {
        await using var provider = new ServiceCollection().AddLogging().AddEcsOperatorAws(a =>
        {
            a.Region = "us-east-1";
            a.AccessKeyId = "AKIDEXAMPLE";
            a.SecretAccessKey = "secret";
            a.ApplicationAutoScalingEndpoint = env.Ecs.BaseAddress;
        }).BuildServiceProvider();
        var tags = (await provider.GetRequiredService<IApplicationAutoScalingApi>()
            .ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceARN = arn }, Ct)).Tags;
        return tags?.GetValueOrDefault(ApiGroup.OwnerTagKey);
    }

    private static JsonObject LivePolicy(OperatorEnvironment env, string name) =>
        LivePolicies(env).Single(p => (string?)p["PolicyName"] == name);

    private static List<string>? LivePolicyArns(OperatorEnvironment env)
    {
        var arns = LivePolicies(env).OrderBy(p => (string?)p["PolicyName"], StringComparer.Ordinal).Select(p => (string)p["PolicyARN"]!).ToList();
        return arns.Count == 0 ? null : arns;
    }

    private static IEnumerable<JsonObject> LivePolicies(OperatorEnvironment env) =>
        env.Ecs.Invoke("DescribeScalingPolicies", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceId"] = ResourceId, ["MaxResults"] = 50 })["ScalingPolicies"]!
            .AsArray().Select(p => p!.AsObject());
}
