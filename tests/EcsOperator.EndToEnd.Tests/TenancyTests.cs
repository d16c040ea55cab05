using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Api.Tenancy;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Tenancy;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Xunit;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// Tenancy enforced by the operator itself (issue 12, item 3), on the real host with <c>--tenancy</c>: objects a
/// policy refuses stall Forbidden naming the field and rule with no call reaching the ECS simulator, are retried at
/// the resync without a hot loop (so lifting the policy lets them through), and stay deletable.
/// </summary>
public sealed class TenancyTests
{
    private const string ForeignRole = "arn:aws:iam::111122223333:role/admin";
    private const string ClusterName = OperatorEnvironment.Namespace + "_prod";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Objects_the_policy_refuses_stall_Forbidden_with_no_AWS_call_and_run_once_the_policy_is_lifted()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        env.Kube.CreateObject("", "namespaces", (JsonObject)JsonNode.Parse(
            """{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop", "labels": {"team": "shop"}}}""")!);
        var policies = Policies(env);
        await policies.CreateAsync(ShopPolicy(), Ct);
        // --tenancy=open: the shop policy's rules apply to its namespace with the operator's own principal (no STS).
        await env.StartOperatorAsync(Ct, o =>
        {
            ServiceScenario.Fast(o);
            o.TaskPollInterval = TimeSpan.FromMilliseconds(50);
            o.ResyncInterval = TimeSpan.FromSeconds(1);
        }, tenancy: t => t.Mode = TenancyMode.Open);

        await env.Clusters.CreateAsync(NewCluster(), Ct);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await env.Services.CreateAsync(NewService(), Ct);
        await env.Tasks.CreateAsync(NewTask(), Ct);

        var cluster = await ForbiddenAsync(env.Clusters, "prod", o => o.Status);
        Assert.Contains("spec.adoptionPolicy: adopting existing AWS resources is not allowed (allowAdoption of EcsTenantPolicy shop)", cluster, StringComparison.Ordinal);
        var taskDefinition = await ForbiddenAsync(env.TaskDefinitions, "job", o => o.Status);
        Assert.Contains("spec.family: task-definition family payments-job does not start with 'shop_'", taskDefinition, StringComparison.Ordinal);
        var service = await ForbiddenAsync(env.Services, "web", o => o.Status);
        Assert.Contains($"spec.taskDefinitionTemplate.taskRoleArn: role {ForeignRole} is not in allowedRoleArns of EcsTenantPolicy shop", service, StringComparison.Ordinal);
        var task = await ForbiddenAsync(env.Tasks, "migrate", o => o.Status);
        Assert.Contains($"spec.overrides.taskRoleArn: role {ForeignRole} is not in allowedRoleArns", task, StringComparison.Ordinal);

        // A few resyncs later: still nothing sent to AWS, and each object looked at about once per resync, not in a loop.
        var before = Reconciles(env);
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.True(env.Ecs.Calls.Total == 0, "AWS calls for refused objects: " + JsonSerializer.Serialize(env.Ecs.Calls.Snapshot()));
        Assert.InRange(Reconciles(env) - before, 0, 4 * 8); // 4 objects, one resync a second (plus jitter), ~3 s
        // Resynced (as many reconciles as objects): waited for, as a loaded machine may not get there within the 3 s.
        await Waits.Eventually(() => Reconciles(env) - before >= 4, "the refused objects resynced");
        Assert.True(env.Ecs.Calls.Total == 0, "AWS calls for refused objects: " + JsonSerializer.Serialize(env.Ecs.Calls.Snapshot()));

        // The platform admin lifts the policy: the next resync lets every object through (open install, no policy).
        await policies.DeleteAsync(null, "shop", cancellationToken: Ct);
        await Waits.ReadyAsync(env.Clusters, "prod", o => o.Status, o => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsClusterStatus));
        await Waits.ReadyAsync(env.TaskDefinitions, "job", o => o.Status, o => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsTaskDefinitionStatus));
        await ServiceScenario.TickUntilReadyAsync(env, "web");
        await Waits.ForAsync(env.Tasks, "migrate", o => o.Status?.TaskArns is { Count: 1 }, o => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsTaskStatus));
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateCluster"]);
        Assert.Equal(1, env.Ecs.Calls["ecs:RunTask"]);
    }

    [Fact]
    public async Task Under_strict_tenancy_a_namespace_without_a_policy_gets_no_principal_and_its_objects_delete_without_an_AWS_call()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o => o.ResyncInterval = TimeSpan.FromSeconds(1), tenancy: t => t.Mode = TenancyMode.Strict);

        // Both pass the strict default's field rules (the namespace's own prefix): what refuses them is the principal.
        await env.Clusters.CreateAsync(NewCluster() with { Spec = NewCluster().Spec with { AdoptionPolicy = AdoptionPolicy.None } }, Ct);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition() with { Spec = NewTaskDefinition().Spec with { Family = null } }, Ct);
        foreach (var message in new[] { await ForbiddenAsync(env.Clusters, "prod", o => o.Status), await ForbiddenAsync(env.TaskDefinitions, "job", o => o.Status) })
            Assert.Contains("no AWS principal for namespace shop: no EcsTenantPolicy selects namespace shop and the operator runs with --tenancy=strict", message, StringComparison.Ordinal);

        await env.Clusters.DeleteAsync(OperatorEnvironment.Namespace, "prod", cancellationToken: Ct);
        await env.TaskDefinitions.DeleteAsync(OperatorEnvironment.Namespace, "job", cancellationToken: Ct);
        await Waits.Eventually(async () => await env.Clusters.TryGetAsync(OperatorEnvironment.Namespace, "prod", Ct) is null
            && await env.TaskDefinitions.TryGetAsync(OperatorEnvironment.Namespace, "job", Ct) is null, "both objects to be deleted");
        Assert.True(env.Ecs.Calls.Total == 0, "AWS calls: " + JsonSerializer.Serialize(env.Ecs.Calls.Snapshot()));
    }

    /// <summary>The Stalled message once the object is Stalled, reason Forbidden (Ready=False says the same).</summary>
    private static async Task<string> ForbiddenAsync<T>(IResourceClient<T> client, string name, Func<T, IEcsStatus?> status)
        where T : class, IKubernetesObject
    {
        static Condition? Find(IEcsStatus? s, string type) => s?.Conditions?.FirstOrDefault(c => c.Type == type);
        var obj = await Waits.ForAsync(client, name,
            o => Find(status(o), ConditionTypes.Stalled) is { Status: ConditionStatus.True, Reason: ConditionReasons.Forbidden },
            o => string.Join("; ", status(o)?.Conditions?.Select(c => $"{c.Type}={c.Status} {c.Reason}: {c.Message}") ?? []));
        Assert.Equal(ConditionReasons.Forbidden, Find(status(obj), ConditionTypes.Ready)?.Reason);
        return Find(status(obj), ConditionTypes.Stalled)!.Message!;
    }

    private static long Reconciles(OperatorEnvironment env) =>
        new[] { EcsCluster.KindName, EcsTaskDefinition.KindName, EcsService.KindName, EcsTask.KindName }.Sum(env.ReconcileCountOf);

    private static IResourceClient<EcsTenantPolicy> Policies(OperatorEnvironment env) =>
        new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = env.Kube.BaseAddress.ToString(), Namespace = "ecs-operator" },
            new KubernetesClientOptions { Qps = 1000, Burst = 1000 }).Resource(TenancyRegistration.TenantPolicies, ApiJsonContext.Default.EcsTenantPolicy);

    /// <summary>The shop team's own roles, shop_* clusters and families; no adoption.</summary>
    private static EcsTenantPolicy ShopPolicy() => new()
    {
        Metadata = new ObjectMeta { Name = "shop" },
        Spec = new EcsTenantPolicySpec
        {
            NamespaceSelector = new NamespaceSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "shop" } },
            AllowedRoleArns = ["arn:aws:iam::111122223333:role/teams/shop/*"],
            AllowedClusters = ["shop_*"],
            TaskDefinitionFamilyPrefix = "shop_",
        },
    };

    private static EcsCluster NewCluster() => new()
    {
        Metadata = new ObjectMeta { Name = "prod", Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsClusterSpec { ClusterName = ClusterName, AdoptionPolicy = AdoptionPolicy.Adopt },
    };

    private static EcsTaskDefinition NewTaskDefinition() => new()
    {
        Metadata = new ObjectMeta { Name = "job", Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            Family = "payments-job",
            RequiresCompatibilities = ["EC2"],
            ContainerDefinitions = [new ContainerDefinition { Name = "app", Image = "repo/job:1", Memory = 256 }],
        },
    };

    private static EcsService NewService() => ServiceScenario.NewService("web", taskDefinitionRef: null) with
    {
        Spec = ServiceScenario.NewService("web", taskDefinitionRef: null).Spec with
        {
            ClusterRef = new LocalObjectReference { Name = "prod" },
            TaskDefinitionTemplate = new TaskDefinitionTemplate
            {
                TaskRoleArn = ForeignRole,
                RequiresCompatibilities = ["FARGATE"],
                NetworkMode = "awsvpc",
                Cpu = "256",
                Memory = "512",
                ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = "nginx:1.27" }],
            },
        },
    };

    private static EcsTask NewTask() => new()
    {
        Metadata = new ObjectMeta { Name = "migrate", Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskSpec
        {
            ClusterRef = new LocalObjectReference { Name = "prod" },
            TaskDefinitionRef = new LocalObjectReference { Name = "job" },
            LaunchType = "EC2",
            Overrides = new TaskOverride { TaskRoleArn = ForeignRole },
        },
    };
}
