using System.Text.Json;
using EcsOperator.Api;
using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// A user's flow with an Auto Scaling group capacity provider: the provider, a cluster that refers to it, and a
/// service whose strategy names it, placed once managed scaling has grown the group; deletion waits for the cluster.
/// </summary>
public sealed class CapacityProviderTests
{
    private const string GroupArn = "arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:6d3b4f2c-1111-2222-3333-444455556666:autoScalingGroupName/shop-asg";

    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_on_a_capacity_provider_is_placed_after_managed_scaling_grows_the_group_and_the_provider_outlives_the_cluster_using_it()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, o =>
        {
            o.RolloutRecheckInterval = TimeSpan.FromMilliseconds(100);
            o.DeletionRecheckInterval = TimeSpan.FromMilliseconds(200);
        });
        var providers = ProviderClient(env);
        env.Ecs.DefineAutoScalingGroup(GroupArn, cpu: 2048, memory: 4096, instanceType: "c5.large");

        // 1. The provider: named <namespace>-<name> in ECS, tagged with its owner.
        await providers.CreateAsync(NewProvider("asg"), Ct);
        var provider = await ReadyAsync(providers, "asg", p => p.Status, Describe);
        Assert.Equal("shop-asg", provider.Status!.Name);
        Assert.Equal("ACTIVE", provider.Status.Status);
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateCapacityProvider"]);

        // 2. A cluster that refers to it by object name associates it under its ECS name.
        await env.Clusters.CreateAsync(new EcsCluster
        {
            Metadata = new ObjectMeta { Name = "prod", Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsClusterSpec
            {
                CapacityProviderRefs = [new LocalObjectReference { Name = "asg" }],
                DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "shop-asg", Weight = 1 }],
            },
        }, Ct);
        await ReadyAsync(env.Clusters, "prod", c => c.Status, c => JsonSerializer.Serialize(c.Status, ApiJsonContext.Default.EcsClusterStatus));
        var cluster = env.Ecs.Invoke("DescribeClusters", new() { ["clusters"] = new System.Text.Json.Nodes.JsonArray("prod") })["clusters"]![0]!;
        Assert.Equal(["shop-asg"], cluster["capacityProviders"]!.AsArray().Select(p => (string)p!));

        // 3. A service whose strategy names the provider: no instance exists, so the reservation rises and the group grows.
        await env.TaskDefinitions.CreateAsync(new EcsTaskDefinition
        {
            Metadata = new ObjectMeta { Name = "api", Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsTaskDefinitionSpec
            {
                RequiresCompatibilities = ["EC2"],
                NetworkMode = "bridge",
                ContainerDefinitions = [new ContainerDefinition { Name = "api", Image = "shop/api:1", Cpu = 1024, Memory = 1024 }],
            },
        }, Ct);
        await env.Services.CreateAsync(new EcsService
        {
            Metadata = new ObjectMeta { Name = "api", Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsServiceSpec
            {
                TaskDefinitionRef = new LocalObjectReference { Name = "api" },
                ClusterRef = new LocalObjectReference { Name = "prod" },
                DesiredCount = 4,
                CapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "shop-asg", Weight = 1 }],
            },
        }, Ct);
        await Eventually(() => ServiceScenario.ListServices(env, "prod").Count == 1, "the ECS service");
        env.Ecs.Tick();
        Assert.Equal(200, env.Ecs.CapacityProviderReservation("shop-asg"));
        Assert.Equal(2, env.Ecs.CapacityProviderInstances("shop-asg").Count);

        await Eventually(() =>
        {
            env.Ecs.Tick();
            return Task.FromResult((int?)ServiceScenario.Described(env, "api", "prod")["runningCount"] == 4);
        }, "four running tasks on the group's instances");
        Assert.Equal(100, env.Ecs.CapacityProviderReservation("shop-asg"));
        await ForAsync(env.Services, "api", s => s.Status?.RunningCount == 4, ServiceScenario.Describe);

        // 4. Deleting the provider waits while the cluster still uses it, and says so.
        await providers.DeleteAsync(OperatorEnvironment.Namespace, "asg", cancellationToken: Ct);
        var waiting = await ForAsync(providers, "asg", p => p.Status?.Conditions?.Any(c => c.Reason == ConditionReasons.Deleting) == true, Describe);
        Assert.Contains("in use by EcsCluster prod", waiting.Status!.Conditions!.First(c => c.Reason == ConditionReasons.Deleting).Message, StringComparison.Ordinal);
        Assert.Equal(0, env.Ecs.Calls["ecs:DeleteCapacityProvider"]);
        Assert.Equal("ACTIVE", (string?)DescribeProvider(env)["status"]);

        // Once the service is gone, the group scaled to zero and the cluster deleted, the provider goes through
        // DELETE_IN_PROGRESS and is deleted.
        await env.Services.DeleteAsync(OperatorEnvironment.Namespace, "api", cancellationToken: Ct);
        await Eventually(async () =>
        {
            env.Ecs.Tick();
            return await env.Services.TryGetAsync(OperatorEnvironment.Namespace, "api", Ct) is null;
        }, "the EcsService gone");
        foreach (var instance in env.Ecs.CapacityProviderInstances("shop-asg"))
            env.Ecs.RemoveContainerInstance(instance);
        await env.Clusters.DeleteAsync(OperatorEnvironment.Namespace, "prod", cancellationToken: Ct);
        await Eventually(async () =>
        {
            env.Ecs.Tick();
            return await providers.TryGetAsync(OperatorEnvironment.Namespace, "asg", Ct) is null;
        }, "the EcsCapacityProvider gone");
        Assert.Equal("INACTIVE", (string?)DescribeProvider(env)["status"]);
        Assert.Equal(1, env.Ecs.Calls["ecs:DeleteCapacityProvider"]);
    }

    [Fact]
    public async Task Moving_a_provider_to_another_Auto_Scaling_group_is_Stalled_and_makes_no_call()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);
        var providers = ProviderClient(env);
        await providers.CreateAsync(NewProvider("asg"), Ct);
        var ready = await ReadyAsync(providers, "asg", p => p.Status, Describe);

        var moved = ready with { Spec = ready.Spec with { AutoScalingGroupProvider = ready.Spec.AutoScalingGroupProvider with { AutoScalingGroupArn = GroupArn.Replace("shop-asg", "other", StringComparison.Ordinal) } } };
        await providers.ReplaceAsync(moved, Ct);
        var stalled = await ForAsync(providers, "asg", p => p.Status?.Conditions?.Any(c => c.Type == ConditionTypes.Stalled && c.Status == "True" && c.ObservedGeneration == p.Metadata.Generation) == true, Describe);

        Assert.Equal(ConditionReasons.ImmutableFieldChanged, stalled.Status!.Conditions!.First(c => c.Type == ConditionTypes.Stalled).Reason);
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateCapacityProvider"]);
        Assert.EndsWith("/shop-asg", (string?)DescribeProvider(env)["autoScalingGroupProvider"]!["autoScalingGroupArn"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_waiting_for_its_provider_names_it_as_Stalled_once_the_retries_end_in_a_refusal()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct);
        var providers = ProviderClient(env);
        env.Ecs.DefineAutoScalingGroup(GroupArn, cpu: 2048, memory: 4096, instanceType: "c5.large");
        // Retrying first (throttled), so the cluster waits with the generic message; then ECS refuses the provider for good.
        env.Ecs.Faults.SetLatency("CreateCapacityProvider", TimeSpan.FromMilliseconds(200));
        env.Ecs.Faults.ThrottleNext("CreateCapacityProvider", 1000);
        await providers.CreateAsync(NewProvider("asg"), Ct);
        await env.Clusters.CreateAsync(new EcsCluster
        {
            Metadata = new ObjectMeta { Name = "prod", Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsClusterSpec { CapacityProviderRefs = [new LocalObjectReference { Name = "asg" }] },
        }, Ct);
        await ForAsync(env.Clusters, "prod", c => ReconcilingMessage(c)?.Contains("waiting for EcsCapacityProvider asg to be Ready", StringComparison.Ordinal) == true, DescribeCluster);

        env.Ecs.Faults.Clear();
        env.Ecs.Faults.FailNext("CreateCapacityProvider", 1000, "ClientException", System.Net.HttpStatusCode.BadRequest, "The Auto Scaling group is not valid");

        var named = await ForAsync(env.Clusters, "prod", c => ReconcilingMessage(c)?.Contains("is Stalled", StringComparison.Ordinal) == true, DescribeCluster);
        Assert.Contains("EcsCapacityProvider asg is Stalled (", ReconcilingMessage(named), StringComparison.Ordinal);
        Assert.Equal(0, env.Ecs.Calls["ecs:CreateCluster"]);
    }

    private static string? ReconcilingMessage(EcsCluster c) => c.Status?.Conditions?.FirstOrDefault(x => x.Type == ConditionTypes.Reconciling)?.Message;

    private static string DescribeCluster(EcsCluster c) => JsonSerializer.Serialize(c.Status, ApiJsonContext.Default.EcsClusterStatus);

    private static EcsCapacityProvider NewProvider(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsCapacityProviderSpec
        {
            AutoScalingGroupProvider = new AutoScalingGroupProvider
            {
                AutoScalingGroupArn = GroupArn,
                ManagedScaling = new ManagedScaling { Status = "ENABLED", TargetCapacity = 100, MaximumScalingStepSize = 2, InstanceWarmupPeriod = 0 },
                ManagedTerminationProtection = "ENABLED",
            },
        },
    };

    private static IResourceClient<EcsCapacityProvider> ProviderClient(OperatorEnvironment env) =>
        new Kubernetes.Rest.KubernetesClient(
                new k8s.KubernetesClientConfiguration { Host = env.Kube.BaseAddress.ToString(), Namespace = "ecs-operator" },
                new Kubernetes.Config.KubernetesClientOptions { Qps = 1000, Burst = 1000 })
            .Resource(OperatorResourceTypes.CapacityProviders, ApiJsonContext.Default.EcsCapacityProvider);

    private static System.Text.Json.Nodes.JsonNode DescribeProvider(OperatorEnvironment env) =>
        env.Ecs.Invoke("DescribeCapacityProviders", new() { ["capacityProviders"] = new System.Text.Json.Nodes.JsonArray("shop-asg") })["capacityProviders"]![0]!;

    private static string Describe(EcsCapacityProvider p) => JsonSerializer.Serialize(p.Status, ApiJsonContext.Default.EcsCapacityProviderStatus);
}
