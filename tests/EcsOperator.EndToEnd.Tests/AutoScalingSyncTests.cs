using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Aws;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Transport;
using EcsOperator.Reconcilers.Services;
using EcsOperator.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// <see cref="ApplicationAutoScalingSync"/> through the real AWS clients against the ECS simulator: what it registers,
/// and exactly which Application Auto Scaling calls each sync costs, in which order.
/// </summary>
public sealed class AutoScalingSyncTests
{
    private const string Cluster = "default";
    private const string Service = "web";
    private const string ResourceId = $"service/{Cluster}/{Service}";
    private const string Owner = "kube-uid/shop/web";

    private static readonly string[] Mutations =
    [
        "RegisterScalableTarget", "DeregisterScalableTarget", "PutScalingPolicy", "DeleteScalingPolicy",
        "PutScheduledAction", "DeleteScheduledAction", "application-autoscaling:TagResource",
    ];

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Adding_autoscaling_registers_the_owned_target_before_its_policies_and_scheduled_actions()
    {
        await using var h = await Harness.StartAsync();

        var result = await h.SyncAsync(Spec());

        Assert.True(result.Applied);
        Assert.Equal(
            ["DescribeScalableTargets", "RegisterScalableTarget", "PutScalingPolicy", "PutScalingPolicy", "PutScalingPolicy",
                "PutScheduledAction", "PutScheduledAction", "DescribeScheduledActions"],
            h.Wire);
        Assert.Equal(
            ["scalableTarget", "policy/cpu", "policy/memory", "policy/queue", "scheduledAction/nightly", "scheduledAction/morning"],
            result.Differences);

        var target = h.LiveTarget()!;
        Assert.Equal((1, 4), ((int)target["MinCapacity"]!, (int)target["MaxCapacity"]!));
        Assert.Equal(Owner, (await h.LiveTagsAsync((string)target["ScalableTargetARN"]!))[ApiGroup.OwnerTagKey]);

        // The status names exactly what AWS holds, sorted by name.
        var status = result.Status!;
        Assert.Equal((string?)target["ScalableTargetARN"], status.ScalableTargetArn);
        Assert.Equal((1, 4), (status.MinCapacity, status.MaxCapacity));
        Assert.Equal(h.LivePolicyArns(), status.PolicyArns);
        Assert.Equal(h.LiveActionArns(), status.ScheduledActionArns);
        Assert.Equal(3, status.PolicyArns!.Count);
        Assert.Equal(2, status.ScheduledActionArns!.Count);
    }

    [Fact]
    public async Task In_sync_costs_three_describes_and_reports_the_same_status()
    {
        await using var h = await Harness.StartAsync();
        var created = await h.SyncAsync(Spec());
        h.ResetCalls();

        var result = await h.SyncAsync(Spec());

        Assert.False(result.Applied);
        Assert.Empty(result.Differences);
        Assert.Equal(["DescribeScalableTargets", "DescribeScalingPolicies", "DescribeScheduledActions"], h.Wire.Order(StringComparer.Ordinal));
        Assert.Equal(3, h.Sim.Calls.Total);
        Assert.Equivalent(created.Status, result.Status, strict: true);
    }

    [Fact]
    public async Task Changing_min_max_and_one_policy_sends_only_those_two_changes()
    {
        await using var h = await Harness.StartAsync();
        await h.SyncAsync(Spec());
        h.ResetCalls();

        var result = await h.SyncAsync(Spec(min: 2, max: 6, cpuTarget: 60));

        Assert.True(result.Applied);
        Assert.Equal(["scalableTarget", "policy/cpu"], result.Differences);
        Assert.Equal(
            ["DescribeScalableTargets", "DescribeScalingPolicies", "DescribeScheduledActions", "ListTagsForResource",
                "RegisterScalableTarget", "PutScalingPolicy"],
            Reads(h.Wire).Concat(h.Wire.Skip(3)));
        Assert.Equal(1, h.Sim.Calls["RegisterScalableTarget"]);
        Assert.Equal(1, h.Sim.Calls["PutScalingPolicy"]);
        Assert.Equal(2, Mutations.Sum(c => h.Sim.Calls[c]));
        Assert.Equal(60.0, (double)h.LivePolicy("cpu")["TargetTrackingScalingPolicyConfiguration"]!["TargetValue"]!);
        Assert.Equal((2, 6), (result.Status!.MinCapacity, result.Status.MaxCapacity));
        Assert.Equal(h.LivePolicyArns(), result.Status.PolicyArns);
        Assert.Equal(h.LiveActionArns(), result.Status.ScheduledActionArns);
    }

    [Fact]
    public async Task Removing_one_policy_sends_one_DeleteScalingPolicy()
    {
        await using var h = await Harness.StartAsync();
        await h.SyncAsync(Spec());
        h.ResetCalls();

        var spec = Spec() with { TargetTracking = [Spec().TargetTracking![0]] };
        var result = await h.SyncAsync(spec);

        Assert.Equal(["policy/memory"], result.Differences);
        Assert.Equal(1, h.Sim.Calls["DeleteScalingPolicy"]);
        Assert.Equal(1, Mutations.Sum(c => h.Sim.Calls[c]));
        Assert.Equal(["cpu", "queue"], h.LivePolicyNames());
        Assert.Equal(2, result.Status!.PolicyArns!.Count);
        Assert.Equal(h.LivePolicyArns(), result.Status.PolicyArns);
    }

    [Fact]
    public async Task Removing_autoscaling_deletes_policies_and_actions_before_deregistering_the_target()
    {
        await using var h = await Harness.StartAsync();
        await h.SyncAsync(Spec());
        h.ResetCalls();

        var result = await h.SyncAsync(null);

        Assert.True(result.Applied);
        Assert.Null(result.Status);
        Assert.Equal(
            ["ListTagsForResource", "DeleteScalingPolicy", "DeleteScalingPolicy", "DeleteScalingPolicy",
                "DeleteScheduledAction", "DeleteScheduledAction", "DeregisterScalableTarget"],
            h.Wire.Skip(3));
        Assert.Null(h.LiveTarget());
        Assert.Empty(h.LivePolicyNames());
        Assert.Empty(h.LiveActionArns() ?? []);
        Assert.Contains("scalableTarget", result.Differences);

        // Once gone, the next sync sees no target and stops after one describe.
        h.ResetCalls();
        var again = await h.SyncAsync(null);
        Assert.Equal(["DescribeScalableTargets"], h.Wire);
        Assert.Null(again.Status);
        Assert.Empty(again.Differences);
        Assert.False(again.Applied);
    }

    [Fact]
    public async Task Without_autoscaling_in_spec_or_status_a_sync_makes_no_call()
    {
        await using var h = await Harness.StartAsync();

        var result = await h.SyncAsync(null, mayExist: false);

        Assert.Equal(0, h.Sim.Calls.Total);
        Assert.Null(result.Status);
        Assert.Empty(result.Differences);
        Assert.False(result.Applied);
    }

    [Fact]
    public async Task A_change_made_in_AWS_is_named_in_Differences_and_reported_only_when_Apply_is_false()
    {
        await using var h = await Harness.StartAsync();
        await h.SyncAsync(Spec());
        h.Sim.Invoke("RegisterScalableTarget", Target(new JsonObject { ["MinCapacity"] = 3 }));
        h.Sim.Invoke("PutScalingPolicy", Target(new JsonObject
        {
            ["PolicyName"] = "cpu",
            ["PolicyType"] = "TargetTrackingScaling",
            ["TargetTrackingScalingPolicyConfiguration"] = new JsonObject
            {
                ["TargetValue"] = 90.0,
                ["PredefinedMetricSpecification"] = new JsonObject { ["PredefinedMetricType"] = "ECSServiceAverageCPUUtilization" },
            },
        }));
        h.Sim.Invoke("DeleteScheduledAction", Target(new JsonObject { ["ScheduledActionName"] = "nightly" }));
        h.ResetCalls();

        var reported = await h.SyncAsync(Spec(), apply: false);

        Assert.False(reported.Applied);
        Assert.Equal(["scalableTarget", "policy/cpu", "scheduledAction/nightly"], reported.Differences);
        Assert.Equal(3, h.Sim.Calls.Total);
        Assert.Equal(0, Mutations.Sum(c => h.Sim.Calls[c]));
        Assert.Equal(3, reported.Status!.MinCapacity); // the status tells what is live, not what the spec wants
        Assert.Equal(90.0, (double)h.LivePolicy("cpu")["TargetTrackingScalingPolicyConfiguration"]!["TargetValue"]!);

        var corrected = await h.SyncAsync(Spec());

        Assert.True(corrected.Applied);
        Assert.Equal(reported.Differences, corrected.Differences);
        Assert.Equal(1, (int)h.LiveTarget()!["MinCapacity"]!);
        Assert.Equal(50.0, (double)h.LivePolicy("cpu")["TargetTrackingScalingPolicyConfiguration"]!["TargetValue"]!);
        Assert.Equal(h.LiveActionArns(), corrected.Status!.ScheduledActionArns);
        Assert.Equal(2, corrected.Status.ScheduledActionArns!.Count);
    }

    [Fact]
    public async Task An_untagged_target_registered_in_the_console_is_tagged_and_taken_over()
    {
        await using var h = await Harness.StartAsync();
        var arn = (string)h.Sim.Invoke("RegisterScalableTarget", Target(new JsonObject { ["MinCapacity"] = 1, ["MaxCapacity"] = 9 }))["ScalableTargetARN"]!;
        h.ResetCalls();

        var result = await h.SyncAsync(Spec());

        Assert.True(result.Applied);
        Assert.Equal(1, h.Sim.Calls["application-autoscaling:TagResource"]);
        Assert.Equal(Owner, (await h.LiveTagsAsync(arn))[ApiGroup.OwnerTagKey]);
        Assert.Equal(4, (int)h.LiveTarget()!["MaxCapacity"]!);
        Assert.Equal(arn, result.Status!.ScalableTargetArn);
        var wire = h.Wire.ToList();
        Assert.True(wire.IndexOf("TagResource") < wire.IndexOf("RegisterScalableTarget"), string.Join(",", wire));
    }

    [Fact]
    public async Task A_target_owned_by_another_object_is_never_changed()
    {
        await using var h = await Harness.StartAsync();
        h.Sim.Invoke("RegisterScalableTarget", Target(new JsonObject
        {
            ["MinCapacity"] = 1,
            ["MaxCapacity"] = 9,
            ["Tags"] = new JsonObject { [ApiGroup.OwnerTagKey] = "other-cluster/shop/web" },
        }));
        h.ResetCalls();

        var refused = await Assert.ThrowsAsync<ScalableTargetNotOwnedException>(() => h.SyncAsync(Spec()));
        Assert.Equal(AwsErrorKind.Terminal, refused.Kind);
        Assert.Equal($"the scalable target {ResourceId} is owned by another object: remove spec.autoScaling or deregister that target", refused.Message);
        Assert.DoesNotContain("other-cluster", refused.Message, StringComparison.Ordinal);

        // On removal (the EcsService deleted) it is left alone rather than blocking the deletion.
        var removed = await h.SyncAsync(null);
        Assert.Null(removed.Status);
        Assert.False(removed.Applied);

        Assert.Equal(0, Mutations.Sum(c => h.Sim.Calls[c]));
        Assert.Equal(9, (int)h.LiveTarget()!["MaxCapacity"]!);
    }

    [Fact]
    public async Task A_policy_already_deleted_by_someone_else_does_not_fail_the_removal()
    {
        await using var h = await Harness.StartAsync();
        await h.SyncAsync(Spec());
        h.Sim.Faults.FailNext("DeleteScalingPolicy", 1, "ObjectNotFoundException", HttpStatusCode.BadRequest, "No scaling policy found");

        var result = await h.SyncAsync(null);

        Assert.True(result.Applied);
        Assert.Null(h.LiveTarget());
    }

    [Fact]
    public async Task An_error_from_AWS_propagates_classified()
    {
        await using var h = await Harness.StartAsync();
        h.Sim.Faults.FailNext("PutScalingPolicy", 1, "ValidationException", HttpStatusCode.BadRequest, "Invalid metric");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => h.SyncAsync(Spec()));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal(AwsErrorKind.Terminal, error.Kind);
    }

    [Fact]
    public async Task Registration_resolves_the_sync_once()
    {
        var services = new ServiceCollection().AddLogging().AddEcsOperatorAws(a =>
        {
            a.Region = "us-east-1";
            a.AccessKeyId = "AKIDEXAMPLE";
            a.SecretAccessKey = "secret";
        }).AddServiceAutoScaling().AddServiceAutoScaling();
        await using var provider = services.BuildServiceProvider();

        // One sync per principal's client: the reconciler makes it with the service namespace's client.
        var syncFor = provider.GetRequiredService<Func<IApplicationAutoScalingApi, IServiceAutoScaling>>();
        Assert.IsType<ApplicationAutoScalingSync>(syncFor(provider.GetRequiredService<IApplicationAutoScalingApi>()));
        Assert.Single(services, d => d.ServiceType == typeof(Func<IApplicationAutoScalingApi, IServiceAutoScaling>));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IServiceAutoScaling));
    }

    /// <summary>The first three calls of a sync are the reads, sent concurrently after the first: compare them sorted.</summary>
    private static IEnumerable<string> Reads(IReadOnlyList<string> wire) =>
        new[] { wire[0] }.Concat(wire.Skip(1).Take(2).Order(StringComparer.Ordinal));

    internal static ServiceAutoScaling Spec(int min = 1, int max = 4, double cpuTarget = 50) => new()
    {
        MinCapacity = min,
        MaxCapacity = max,
        TargetTracking =
        [
            new TargetTrackingPolicy { Name = "cpu", PredefinedMetric = "ECSServiceAverageCPUUtilization", TargetValue = cpuTarget },
            new TargetTrackingPolicy { Name = "memory", PredefinedMetric = "ECSServiceAverageMemoryUtilization", TargetValue = 70, ScaleInCooldown = 120 },
        ],
        StepScaling =
        [
            new StepScalingPolicy
            {
                Name = "queue",
                StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration
                {
                    AdjustmentType = AdjustmentType.ChangeInCapacity,
                    StepAdjustments = [new StepAdjustment { MetricIntervalLowerBound = 0, ScalingAdjustment = 1 }],
                },
            },
        ],
        Scheduled =
        [
            new ScheduledScaling { Name = "nightly", Schedule = "cron(0 22 * * ? *)", MinCapacity = 1, MaxCapacity = 2 },
            new ScheduledScaling { Name = "morning", Schedule = "cron(0 6 * * ? *)", Timezone = "Europe/Berlin", MinCapacity = 2, MaxCapacity = 4 },
        ],
    };

    private static JsonObject Target(JsonObject? extra = null)
    {
        var request = new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceId"] = ResourceId, ["ScalableDimension"] = "ecs:service:DesiredCount" };
        foreach (var (key, value) in extra ?? [])
            request[key] = value?.DeepClone();
        return request;
    }

    /// <summary>A simulator with one running service, and the sync built from the operator's own DI registrations.</summary>
    private sealed class Harness : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> _wire;
        private readonly ServiceProvider _provider;

        private Harness(EcsSimulator sim, ServiceProvider provider, ConcurrentQueue<string> wire)
        {
            Sim = sim;
            _provider = provider;
            _wire = wire;
            Sync = provider.GetRequiredService<Func<IApplicationAutoScalingApi, IServiceAutoScaling>>()(provider.GetRequiredService<IApplicationAutoScalingApi>());
        }

        public EcsSimulator Sim { get; }

        public IServiceAutoScaling Sync { get; }

        /// <summary>Application Auto Scaling operations sent since the last <see cref="ResetCalls"/>, in order.</summary>
        public IReadOnlyList<string> Wire => [.. _wire];

        public static async Task<Harness> StartAsync()
        {
            var sim = await EcsSimulator.StartAsync(cancellationToken: Ct);
            sim.Invoke("CreateCluster", new JsonObject { ["clusterName"] = Cluster });
            sim.Invoke("RegisterTaskDefinition", new JsonObject
            {
                ["family"] = Service,
                ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "nginx:1", ["memory"] = 512 }),
            });
            sim.Invoke("CreateService", new JsonObject { ["cluster"] = Cluster, ["serviceName"] = Service, ["taskDefinition"] = Service, ["desiredCount"] = 2 });

            var wire = new ConcurrentQueue<string>();
            var services = new ServiceCollection().AddLogging();
            services.AddEcsOperatorAws(a =>
            {
                a.Region = "us-east-1";
                a.AccessKeyId = "AKIDEXAMPLE";
                a.SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
                a.EcsEndpoint = sim.BaseAddress;
                a.ApplicationAutoScalingEndpoint = sim.BaseAddress;
            });
            services.AddHttpClient(AwsServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new RecordingHandler(wire));
            services.AddServiceAutoScaling();
            return new Harness(sim, services.BuildServiceProvider(), wire);
        }

        public Task<AutoScalingSyncResult> SyncAsync(ServiceAutoScaling? desired, bool mayExist = true, bool apply = true) =>
            Sync.SyncAsync(new AutoScalingSyncRequest(desired, Cluster, Service, Owner, mayExist, apply), Ct);

        public void ResetCalls()
        {
            Sim.Calls.Reset();
            _wire.Clear();
        }

        public JsonObject? LiveTarget() =>
            Sim.Invoke("DescribeScalableTargets", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceIds"] = new JsonArray(ResourceId) })["ScalableTargets"]!
                .AsArray().SingleOrDefault()?.AsObject();

        /// <summary>The target's tags, read through the client (so counted as a call: read them after asserting counts).</summary>
        public async Task<IReadOnlyDictionary<string, string>> LiveTagsAsync(string arn) =>
            (await _provider.GetRequiredService<IApplicationAutoScalingApi>().ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceARN = arn }, Ct)).Tags ?? new Dictionary<string, string>();

        public JsonObject LivePolicy(string name) => LivePolicies().Single(p => (string?)p["PolicyName"] == name);

        public List<string> LivePolicyNames() => [.. LivePolicies().Select(p => (string)p["PolicyName"]!).Order(StringComparer.Ordinal)];

        /// <summary>Policy ARNs sorted by policy name (as the status lists them), null when none.</summary>
        public List<string>? LivePolicyArns() => NullIfEmpty(LivePolicies().OrderBy(p => (string?)p["PolicyName"], StringComparer.Ordinal).Select(p => (string)p["PolicyARN"]!));

        /// <summary>Scheduled action ARNs sorted by name, null when none.</summary>
        public List<string>? LiveActionArns() => NullIfEmpty(
            Sim.Invoke("DescribeScheduledActions", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceId"] = ResourceId })["ScheduledActions"]!
                .AsArray().Select(a => a!.AsObject()).OrderBy(a => (string?)a["ScheduledActionName"], StringComparer.Ordinal).Select(a => (string)a["ScheduledActionARN"]!));

        private IEnumerable<JsonObject> LivePolicies() =>
            Sim.Invoke("DescribeScalingPolicies", new JsonObject { ["ServiceNamespace"] = "ecs", ["ResourceId"] = ResourceId, ["MaxResults"] = 50 })["ScalingPolicies"]!
                .AsArray().Select(p => p!.AsObject());

        private static List<string>? NullIfEmpty(IEnumerable<string> values)
        {
            var list = values.ToList();
            return list.Count == 0 ? null : list;
        }

        public async ValueTask DisposeAsync()
        {
            await _provider.DisposeAsync();
            await Sim.DisposeAsync();
        }
    }

    /// <summary>Records the operation of every Application Auto Scaling request the client sends.</summary>
    private sealed class RecordingHandler(ConcurrentQueue<string> wire) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("X-Amz-Target", out var targets)
                && targets.FirstOrDefault() is { } target && target.StartsWith("AnyScaleFrontendService.", StringComparison.Ordinal))
            {
                wire.Enqueue(target["AnyScaleFrontendService.".Length..]);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
