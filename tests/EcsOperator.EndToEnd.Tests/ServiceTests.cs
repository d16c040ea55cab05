using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Model;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>The EcsService controller, run by the real host against the test API server and the ECS simulator.</summary>
public sealed class ServiceTests
{
    private const string Cluster = "default";
    private const string Family = OperatorEnvironment.Namespace + "-web";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly string[] MutatingCalls =
    [
        "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", "ecs:TagResource", "ecs:UntagResource",
        "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:DeleteTaskDefinitions",
    ];

    [Fact]
    public async Task Creating_creates_the_service_once_with_a_client_token_and_becomes_Ready_as_the_rollout_completes()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var created = await env.Services.CreateAsync(NewService("web"), Ct);

        var rolling = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Reconciling) is { Reason: ConditionReasons.RolloutInProgress });
        Assert.Equal("False", Condition(rolling, ConditionTypes.Ready)!.Status);
        Assert.Equal(ConditionReasons.RolloutInProgress, Condition(rolling, ConditionTypes.Ready)!.Reason);

        var ready = await TickUntilReadyAsync(env, "web");
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateService"]);
        var live = Described(env, "web");
        // ECS remembers the token with the service: another create with it is refused instead of making a second service.
        var reused = Assert.ThrowsAny<Exception>(() => env.Ecs.Invoke("CreateService", new JsonObject
        {
            ["cluster"] = Cluster, ["serviceName"] = "other", ["taskDefinition"] = $"{Family}:1", ["clientToken"] = created.Metadata.Uid,
        }));
        Assert.Contains("not idempotent", reused.Message, StringComparison.Ordinal);
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/web", Tag(live, ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        var status = ready.Status!;
        Assert.Equal((string?)live["serviceArn"], status.ServiceArn);
        Assert.Equal(Cluster, status.ClusterName);
        Assert.Equal("web", status.ServiceName);
        Assert.Equal(2, status.DesiredCount);
        Assert.Equal(2, status.RunningCount);
        Assert.Equal("COMPLETED", status.Rollout!.State);
        Assert.EndsWith($"{Family}:1", status.Rollout.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.Contains(ApiGroup.CleanupFinalizer, ready.Metadata.Finalizers!);
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.RolloutCompleted), "a RolloutCompleted event");
        Assert.Contains(EventReasons.Created, EventReasonsSeen(env));
    }

    [Fact]
    public async Task A_new_revision_of_the_referenced_task_definition_rolls_each_referencing_service_exactly_once()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await env.Services.CreateAsync(NewService("web-canary"), Ct);
        await TickUntilReadyAsync(env, "web");
        await TickUntilReadyAsync(env, "web-canary");
        env.Ecs.Calls.Reset();

        var td = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        await env.TaskDefinitions.ReplaceAsync(td with { Spec = td.Spec with { ContainerDefinitions = [td.Spec.ContainerDefinitions[0] with { Image = "nginx:1.28" }] } }, Ct);
        await WaitForAsync(env, "web", o => o.Status?.Rollout?.TaskDefinitionArn?.EndsWith($"{Family}:2", StringComparison.Ordinal) == true);
        var web = await TickUntilReadyAsync(env, "web");
        var canary = await TickUntilReadyAsync(env, "web-canary");

        Assert.Equal(1, env.Ecs.Calls["ecs:RegisterTaskDefinition"]);
        Assert.Equal(2, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.EndsWith($"{Family}:2", web.Status!.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.EndsWith($"{Family}:2", canary.Status!.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.Contains(EventReasons.RolloutStarted, EventReasonsSeen(env));

        // Later status writes of the task definition (and more ticks) roll nothing again.
        await TickAndSettleAsync(env, 4);
        Assert.Equal(2, env.Ecs.Calls["ecs:UpdateService"]);
    }

    [Fact]
    public async Task A_label_edit_and_an_operator_restart_make_no_mutating_call()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.Calls.Reset();

        var reconciles = env.ReconcileCountOf(EcsService.KindName);
        var current = await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        await env.Services.ReplaceAsync(current with { Metadata = current.Metadata with { Labels = new Dictionary<string, string> { ["team"] = "checkout" } } }, Ct);
        await Eventually(() => env.ReconcileCountOf(EcsService.KindName) > reconciles, "a reconcile after the label change");

        await env.StopOperatorAsync(Ct);
        reconciles = env.ReconcileCountOf(EcsService.KindName);
        await env.StartOperatorAsync(Ct, Fast);
        await Eventually(() => env.ReconcileCountOf(EcsService.KindName) > reconciles, "a reconcile after the restart");
        await TickAndSettleAsync(env, 2);

        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        var after = await Waits.ReadyAsync(env.Services, "web", o => o.Status, Describe);
        Assert.Null(Condition(after, ConditionTypes.Drifted));
    }

    [Fact]
    public async Task An_invalid_spec_is_Stalled_with_the_field_path_without_any_ECS_call_or_hot_loop()
    {
        await using var env = await StartAsync();
        // awsvpc needs subnets: a rule the validator checks before any AWS call.
        var service = NewService("web", taskDefinition: "external:1") with { };
        service = service with { Spec = service.Spec with { NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [] } } } };
        await env.Services.CreateAsync(service, Ct);

        var stalled = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" });
        var condition = Condition(stalled, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionReasons.InvalidSpec, condition.Reason);
        Assert.Contains("spec.networkConfiguration", condition.Message, StringComparison.Ordinal);

        var reconciles = env.ReconcileCountOf(EcsService.KindName);
        await Task.Delay(500, Ct);
        Assert.True(env.ReconcileCountOf(EcsService.KindName) - reconciles <= 2, "no hot loop");
        Assert.Equal(0, env.Ecs.Calls.Total);
    }

    private static async Task<OperatorEnvironment> StartAsync(Action<OperatorOptions>? configure = null)
    {
        var env = await OperatorEnvironment.StartAsync(Ct);
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = Cluster });
        env.Ecs.Calls.Reset();
        await env.StartOperatorAsync(Ct, o =>
        {
            Fast(o);
            configure?.Invoke(o);
        });
        return env;
    }

    private static void Fast(OperatorOptions options) => options.RolloutRecheckInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Advances the simulated world one tick at a time until the service is Ready for its generation.</summary>
    private static async Task<EcsService> TickUntilReadyAsync(OperatorEnvironment env, string name) =>
        await TickUntilAsync(env, name, IsReady);

    private static async Task<EcsService> TickUntilAsync(OperatorEnvironment env, string name, Func<EcsService, bool> condition)
    {
        EcsService? last = null;
        for (var i = 0; i < 60; i++)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(400);
            while (DateTime.UtcNow < deadline)
            {
                last = await env.Services.TryGetAsync(OperatorEnvironment.Namespace, name, Ct);
                if (last is not null && condition(last))
                    return last;
                await Task.Delay(20, Ct);
            }

            env.Ecs.Tick();
        }

        throw new TimeoutException($"{name} never reached the expected state; last status: {(last is null ? "gone" : Describe(last))}");
    }

    /// <summary>Some ticks with time for the operator to look after each.</summary>
    private static async Task TickAndSettleAsync(OperatorEnvironment env, int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            env.Ecs.Tick();
            await Task.Delay(150, Ct);
        }
    }

    private static bool IsReady(EcsService o) =>
        o.Status is { } s && s.ObservedGeneration == o.Metadata.Generation
        && s.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready) is { Status: ConditionStatus.True } ready
        && ready.ObservedGeneration == o.Metadata.Generation;

    private static EcsTaskDefinition NewTaskDefinition(string name, string image) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            RequiresCompatibilities = ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = "512",
            ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = image, PortMappings = [new PortMapping { ContainerPort = 80 }] }],
        },
    };

    private static EcsService NewService(string name, string? taskDefinitionRef = "web", string? taskDefinition = null,
        DriftPolicy driftPolicy = DriftPolicy.Correct, DeletionPolicy deletionPolicy = DeletionPolicy.Delete, AdoptionPolicy adoptionPolicy = AdoptionPolicy.None) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsServiceSpec
        {
            TaskDefinitionRef = taskDefinition is null && taskDefinitionRef is not null ? new LocalObjectReference { Name = taskDefinitionRef } : null,
            TaskDefinition = taskDefinition,
            DesiredCount = 2,
            LaunchType = "FARGATE",
            NetworkConfiguration = Subnets("subnet-1"),
            DeploymentConfiguration = new DeploymentConfiguration
            {
                DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
            },
            DriftPolicy = driftPolicy,
            DeletionPolicy = deletionPolicy,
            AdoptionPolicy = adoptionPolicy,
        },
    };

    private static NetworkConfiguration Subnets(params string[] subnets) =>
        new() { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = subnets } };

    private static async Task EditSpecAsync(OperatorEnvironment env, string name, Func<EcsServiceSpec, EcsServiceSpec> edit)
    {
        var current = await env.Services.GetAsync(OperatorEnvironment.Namespace, name, Ct);
        await env.Services.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
    }

    private static Task<EcsService> WaitForAsync(OperatorEnvironment env, string name, Func<EcsService, bool> condition) =>
        Waits.ForAsync(env.Services, name, condition, Describe);

    private static string Describe(EcsService o) => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsServiceStatus);

    private static Condition? Condition(EcsService obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static List<string?> EventReasonsSeen(OperatorEnvironment env) =>
        env.Kube.ListObjects("events.k8s.io", "events", OperatorEnvironment.Namespace).Select(e => (string?)e["reason"]).ToList();

    private static JsonObject Described(OperatorEnvironment env, string name, string cluster = Cluster) =>
        env.Ecs.Invoke("DescribeServices", new JsonObject
        {
            ["cluster"] = cluster,
            ["services"] = new JsonArray(name),
            ["include"] = new JsonArray("TAGS"),
        })["services"]![0]!.AsObject();

    private static string? Tag(JsonObject resource, string key) =>
        (string?)resource["tags"]?.AsArray().FirstOrDefault(t => (string?)t!["key"] == key)?["value"];
}
