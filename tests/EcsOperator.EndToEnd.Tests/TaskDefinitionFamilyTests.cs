using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// EcsTaskDefinition families (issue 15): default families that cannot collide, a changed spec.family that retires
/// the old family, and a steady-state resync that costs no List call.
/// </summary>
public sealed class TaskDefinitionFamilyTests
{
    private const string Family = OperatorEnvironment.Namespace + "_td_web";
    private const string First = OperatorEnvironment.Namespace + "-web-first";
    private const string Renamed = OperatorEnvironment.Namespace + "-web-renamed";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_EcsTaskDefinition_and_an_EcsService_inline_template_of_the_same_name_both_register()
    {
        await using var env = await ServiceScenario.StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1"), Ct);
        var service = ServiceScenario.NewService("web");
        await env.Services.CreateAsync(service with
        {
            Spec = service.Spec with
            {
                TaskDefinitionRef = null,
                TaskDefinitionTemplate = new TaskDefinitionTemplate
                {
                    RequiresCompatibilities = ["FARGATE"],
                    NetworkMode = "awsvpc",
                    Cpu = "256",
                    Memory = "512",
                    ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = "nginx:2" }],
                },
            },
        }, Ct);

        var taskDefinition = await WaitReadyAsync(env, "web");
        var ready = await ServiceScenario.TickUntilReadyAsync(env, "web");

        Assert.Equal(Family, taskDefinition.Status!.Family);
        Assert.NotEqual(Family, EcsNamesFamily(ready.Status!.TaskDefinitionArn!));
        Assert.Equal(2, env.Ecs.Calls["ecs:RegisterTaskDefinition"]);
    }

    [Fact]
    public async Task Changing_the_family_retires_the_old_family_once_the_new_revision_is_registered_keeping_what_a_service_runs()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        var first = NewTaskDefinition("web", "nginx:1");
        await env.TaskDefinitions.CreateAsync(first with { Spec = first.Spec with { Family = First } }, Ct);
        await WaitReadyAsync(env, "web");
        await EditSpecAsync(env, "web", s => s with { ContainerDefinitions = [s.ContainerDefinitions[0] with { Image = "nginx:2" }] });
        await WaitReadyAsync(env, "web");
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = "default" });
        env.Ecs.Invoke("CreateService", ServiceScenario.ExistingService("web", $"{First}:1", tags: null));

        await EditSpecAsync(env, "web", s => s with { Family = Renamed });
        var renamed = await WaitForAsync(env, "web", o => o.Status?.Family == Renamed && Ready(o));

        Assert.Equal([1], Revisions(env, Renamed, "ACTIVE"));
        Assert.Equal([1], Revisions(env, First, "ACTIVE")); // a service runs it
        Assert.Equal([2], Revisions(env, First, "DELETE_IN_PROGRESS"));
        Assert.Contains(renamed.Status!.Revisions!, r => r.TaskDefinitionArn!.EndsWith($"{First}:1", StringComparison.Ordinal));

        env.Ecs.Invoke("DeleteService", new JsonObject { ["cluster"] = "default", ["service"] = "web", ["force"] = true });
        env.Ecs.Tick(3); // DRAINING -> INACTIVE: an inactive service has no deployments
        var settled = await WaitForAsync(env, "web", o => o.Status!.Revisions!.All(r => r.TaskDefinitionArn!.Contains(Renamed, StringComparison.Ordinal)));

        Assert.Empty(Revisions(env, First, "ACTIVE"));
        Assert.Empty(Revisions(env, First, "INACTIVE"));
        Assert.Equal([1], Revisions(env, First, "DELETE_IN_PROGRESS")); // 2 went for good while the clock ticked
        Assert.Equal(1, Assert.Single(settled.Status!.Revisions!).Revision);
    }

    [Fact]
    public async Task A_Ready_task_definition_costs_no_List_and_one_read_per_ten_resyncs_yet_a_revision_deregistered_outside_comes_back()
    {
        const int n = 3;
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));
        for (var i = 0; i < n; i++)
            await env.TaskDefinitions.CreateAsync(NewTaskDefinition($"web-{i}", "nginx:1"), Ct);
        for (var i = 0; i < n; i++)
            await WaitReadyAsync(env, $"web-{i}");
        env.Ecs.Calls.Reset();
        var reconciles = env.ReconcileCount;

        await Eventually(() => env.ReconcileCount - reconciles >= 20 * n, "twenty resyncs of each object");
        var resyncs = env.ReconcileCount - reconciles;
        var lists = env.Ecs.Calls["ecs:ListTaskDefinitions"];
        var reads = lists + env.Ecs.Calls["ecs:DescribeTaskDefinition"];

        Assert.Equal(0, lists);
        Assert.True(reads <= resyncs / 10.0, $"{reads} AWS reads over {resyncs} resyncs");
        Assert.Equal(0, env.Ecs.Calls.Total - reads);

        // Deregistered in the console: noticed within ten resyncs, and registered again.
        var before = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web-0", Ct);
        env.Ecs.Invoke("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = before.Status!.TaskDefinitionArn });
        reconciles = env.ReconcileCount;
        var back = await WaitForAsync(env, "web-0", o => o.Status!.Revision == 2 && Ready(o));
        Assert.True(env.ReconcileCount - reconciles <= 15 * n, $"noticed after {env.ReconcileCount - reconciles} reconciles of {n} objects");
        Assert.Equal(1, env.Ecs.Calls["ecs:RegisterTaskDefinition"]);
        Assert.Equal(before.Status.SpecHash, back.Status!.SpecHash);
    }

    [Fact]
    public async Task A_status_naming_another_revision_than_the_one_last_verified_is_looked_at_on_the_next_resync()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o => o.ResyncInterval = TimeSpan.FromMilliseconds(500));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1"), Ct);
        await WaitReadyAsync(env, "web");
        var ready = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        var registered = ready.Status!.TaskDefinitionArn!;
        var never = registered[..(registered.LastIndexOf(':') + 1)] + "2";

        // A status written back from elsewhere (a restored backup) names revision 2 of the same family and spec, which
        // was never registered: consistent on its face, but not the revision the operator last saw ACTIVE.
        var entry = Assert.Single(ready.Status.Revisions!);
        await env.TaskDefinitions.ReplaceStatusAsync(ready with
        {
            Status = ready.Status with { Revision = 2, TaskDefinitionArn = never, Revisions = [entry with { Revision = 2, TaskDefinitionArn = never }] },
        }, Ct);
        var reconciles = env.ReconcileCount;
        var back = await WaitForAsync(env, "web", o => o.Status?.Revision == 1 && Ready(o));

        Assert.True(env.ReconcileCount - reconciles <= 3, $"noticed after {env.ReconcileCount - reconciles} reconciles, not at the next one");
        Assert.Equal(registered, back.Status!.TaskDefinitionArn);
        Assert.Equal(1, env.Ecs.Calls["ecs:RegisterTaskDefinition"]);
    }

    private static string EcsNamesFamily(string arn)
    {
        var familyRevision = arn[(arn.IndexOf('/', StringComparison.Ordinal) + 1)..];
        return familyRevision[..familyRevision.LastIndexOf(':')];
    }

    private static bool Ready(EcsTaskDefinition o) =>
        o.Status?.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready) is { Status: ConditionStatus.True } ready && ready.ObservedGeneration == o.Metadata.Generation;

    private static EcsTaskDefinition NewTaskDefinition(string name, string image) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            RequiresCompatibilities = ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = "512",
            ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = image }],
        },
    };

    private static async Task EditSpecAsync(OperatorEnvironment env, string name, Func<EcsTaskDefinitionSpec, EcsTaskDefinitionSpec> edit)
    {
        var current = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, name, Ct);
        await env.TaskDefinitions.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
    }

    private static Task<EcsTaskDefinition> WaitReadyAsync(OperatorEnvironment env, string name) =>
        Waits.ReadyAsync(env.TaskDefinitions, name, o => o.Status, StatusJson);

    private static Task<EcsTaskDefinition> WaitForAsync(OperatorEnvironment env, string name, Func<EcsTaskDefinition, bool> condition) =>
        Waits.ForAsync(env.TaskDefinitions, name, condition, StatusJson);

    private static string StatusJson(EcsTaskDefinition obj) => JsonSerializer.Serialize(obj.Status, ApiJsonContext.Default.EcsTaskDefinitionStatus);

    /// <summary>The revisions of exactly <paramref name="family"/> in <paramref name="status"/>, ascending.</summary>
    private static List<int> Revisions(OperatorEnvironment env, string family, string status) =>
        env.Ecs.Invoke("ListTaskDefinitions", new JsonObject { ["familyPrefix"] = family, ["status"] = status })["taskDefinitionArns"]!.AsArray()
            .Select(a => (string)a!)
            .Where(a => EcsNamesFamily(a) == family)
            .Select(a => int.Parse(a[(a.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture))
            .Order()
            .ToList();
}
