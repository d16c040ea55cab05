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

namespace EcsOperator.EndToEnd.Tests;

/// <summary>What the EcsService end-to-end tests share: the world they start in, the objects they create, ticking simulated time.</summary>
internal static class ServiceScenario
{
    internal const string DefaultCluster = "default";
    internal const string Family = OperatorEnvironment.Namespace + "_td_web"; // TaskDefinitionFamilies.ForTaskDefinition
    internal static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static readonly string[] MutatingCalls =
    [
        "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", "ecs:TagResource", "ecs:UntagResource",
        "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:DeleteTaskDefinitions",
    ];

    internal static async Task<OperatorEnvironment> StartAsync(Action<OperatorOptions>? configure = null)
    {
        var env = await OperatorEnvironment.StartAsync(Ct);
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = DefaultCluster });
        env.Ecs.Calls.Reset();
        await env.StartOperatorAsync(Ct, o =>
        {
            Fast(o);
            configure?.Invoke(o);
        });
        return env;
    }

    internal static void Fast(OperatorOptions options) => options.RolloutRecheckInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Advances the simulated world one tick at a time until the service is Ready for its generation.</summary>
    internal static async Task<EcsService> TickUntilReadyAsync(OperatorEnvironment env, string name) =>
        await TickUntilAsync(env, name, IsReady);

    internal static async Task<EcsService> TickUntilAsync(OperatorEnvironment env, string name, Func<EcsService, bool> condition)
    {
        EcsService? last = null;
        for (var i = 0; i < 60; i++)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(200);
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
    internal static async Task TickAndSettleAsync(OperatorEnvironment env, int ticks)
    {
        for (var i = 0; i < ticks; i++)
        {
            env.Ecs.Tick();
            await Task.Delay(150, Ct);
        }
    }

    internal static bool IsReady(EcsService o) =>
        o.Status is { } s && s.ObservedGeneration == o.Metadata.Generation
        && s.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready) is { Status: ConditionStatus.True } ready
        && ready.ObservedGeneration == o.Metadata.Generation;

    internal static async Task EditTaskDefinitionImageAsync(OperatorEnvironment env, string name, string image)
    {
        var td = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, name, Ct);
        await env.TaskDefinitions.ReplaceAsync(td with { Spec = td.Spec with { ContainerDefinitions = [td.Spec.ContainerDefinitions[0] with { Image = image }] } }, Ct);
    }

    internal static Task WaitForAsyncTd(OperatorEnvironment env, string name) =>
        Waits.ReadyAsync(env.TaskDefinitions, name, o => o.Status, o => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsTaskDefinitionStatus));

    internal static void RegisterExternalRevision(OperatorEnvironment env, string family) =>
        env.Ecs.Invoke("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = family,
            ["requiresCompatibilities"] = new JsonArray("FARGATE"),
            ["networkMode"] = "awsvpc",
            ["cpu"] = "256",
            ["memory"] = "512",
            ["containerDefinitions"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = "busybox:1" }),
        });

    internal static JsonObject ExistingService(string name, string taskDefinition, JsonArray? tags)
    {
        var request = new JsonObject
        {
            ["cluster"] = DefaultCluster,
            ["serviceName"] = name,
            ["taskDefinition"] = taskDefinition,
            ["desiredCount"] = 2,
            ["launchType"] = "FARGATE",
            ["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-1") } },
            ["deploymentConfiguration"] = new JsonObject { ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = true, ["rollback"] = true } },
        };
        if (tags is not null)
            request["tags"] = tags;
        return request;
    }

    internal static List<string> ListServices(OperatorEnvironment env, string cluster = DefaultCluster) =>
        env.Ecs.Invoke("ListServices", new JsonObject { ["cluster"] = cluster })["serviceArns"]!.AsArray().Select(a => (string)a!).ToList();

    internal static List<string> TaskDefinitionRevisions(OperatorEnvironment env, string status) =>
        env.Ecs.Invoke("ListTaskDefinitions", new JsonObject { ["familyPrefix"] = Family, ["status"] = status })["taskDefinitionArns"]!.AsArray()
            .Select(a => ((string)a!)[(((string)a!).LastIndexOf('/') + 1)..]).ToList();

    internal static EcsTaskDefinition NewTaskDefinition(string name, string image, IReadOnlyList<string>? compatibilities = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            RequiresCompatibilities = compatibilities ?? ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = "512",
            ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = image, PortMappings = [new PortMapping { ContainerPort = 80 }] }],
        },
    };

    internal static EcsService NewService(string name, string? taskDefinitionRef = "web", string? taskDefinition = null,
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

    internal static NetworkConfiguration Subnets(params string[] subnets) =>
        new() { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = subnets } };

    internal static async Task EditSpecAsync(OperatorEnvironment env, string name, Func<EcsServiceSpec, EcsServiceSpec> edit)
    {
        var current = await env.Services.GetAsync(OperatorEnvironment.Namespace, name, Ct);
        await env.Services.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
    }

    internal static Task<EcsService> WaitForAsync(OperatorEnvironment env, string name, Func<EcsService, bool> condition) =>
        Waits.ForAsync(env.Services, name, condition, Describe);

    internal static string Describe(EcsService o) => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsServiceStatus);

    internal static Condition? Condition(EcsService obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    internal static List<string?> EventReasonsSeen(OperatorEnvironment env) =>
        env.Kube.ListObjects("events.k8s.io", "events", OperatorEnvironment.Namespace).Select(e => (string?)e["reason"]).ToList();

    internal static JsonObject Described(OperatorEnvironment env, string name, string cluster = DefaultCluster) =>
        env.Ecs.Invoke("DescribeServices", new JsonObject
        {
            ["cluster"] = cluster,
            ["services"] = new JsonArray(name),
            ["include"] = new JsonArray("TAGS"),
        })["services"]![0]!.AsObject();

    internal static string? Tag(JsonObject resource, string key) =>
        (string?)resource["tags"]?.AsArray().FirstOrDefault(t => (string?)t!["key"] == key)?["value"];
}
