using System.Text.Json.Nodes;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using Xunit;
using static EcsOperator.EndToEnd.Tests.ServiceScenario;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// EcsServices on EC2 container instances through the operator and the ECS simulator: bridge tasks with dynamic host
/// ports placed by spread + binpack within a memberOf constraint, a rollout on that capacity, and services ECS cannot
/// place, whose status says why.
/// </summary>
public sealed class Ec2PlacementTests
{
    private const string C6iOnly = "attribute:ecs.instance-type =~ c6i.*";

    [Fact]
    public async Task A_bridge_service_is_spread_over_zones_binpacked_on_matching_instances_with_dynamic_ports_and_rolls_out()
    {
        await using var env = await StartAsync();
        var a1 = env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1a", instanceType: "c6i.large");
        var a2 = env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1a", instanceType: "c6i.large");
        var b1 = env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1b", instanceType: "c6i.large");
        var m5 = env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1b", instanceType: "m5.large");
        await env.TaskDefinitions.CreateAsync(BridgeTaskDefinition("api", "nginx:1.27", memory: 512), Ct);
        await env.Services.CreateAsync(Ec2Service("api", desiredCount: 4, C6iOnly, [
            new PlacementStrategy { Type = "spread", Field = "attribute:ecs.availability-zone" },
            new PlacementStrategy { Type = "binpack", Field = "memory" },
        ]), Ct);

        var ready = await TickUntilReadyAsync(env, "api");

        Assert.Equal((4, 4), (ready.Status!.DesiredCount, ready.Status.RunningCount));
        var tasks = Tasks(env, "api");
        Assert.Equal(4, tasks.Count);
        var hosts = tasks.Select(t => (string)t["containerInstanceArn"]!).ToList();
        // memberOf keeps the m5 out; spread puts two tasks in each zone; binpack fills one instance per zone first.
        Assert.DoesNotContain(m5, hosts);
        Assert.Equal(2, hosts.Count(h => h == a1));
        Assert.Equal(2, hosts.Count(h => h == b1));
        Assert.DoesNotContain(a2, hosts);
        var ports = tasks.Select(t => ((string)t["containerInstanceArn"]!, (int)t["containers"]![0]!["networkBindings"]![0]!["hostPort"]!)).ToList();
        Assert.All(ports, p => Assert.InRange(p.Item2, 49153, 65535));
        Assert.Equal(ports.Count, ports.Distinct().Count());

        // The live service carries the spec's placement as the operator translated it, so nothing drifts.
        var live = Described(env, "api");
        Assert.Equal(C6iOnly, (string?)live["placementConstraints"]![0]!["expression"]);
        Assert.Equal(["spread", "binpack"], live["placementStrategy"]!.AsArray().Select(s => (string?)s!["type"]));

        env.Ecs.Calls.Reset();
        await EditTaskDefinitionImageAsync(env, "api", "nginx:1.28");
        await WaitForAsync(env, "api", o => o.Status?.Rollout?.TaskDefinitionArn?.EndsWith(":2", StringComparison.Ordinal) == true);
        var rolled = await TickUntilReadyAsync(env, "api");

        Assert.EndsWith(":2", rolled.Status!.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.Equal("COMPLETED", rolled.Status.Rollout!.State);
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);
        var after = Tasks(env, "api");
        Assert.Equal(4, after.Count);
        Assert.All(after, t => Assert.EndsWith(":2", (string)t["taskDefinitionArn"]!, StringComparison.Ordinal));
        Assert.DoesNotContain(m5, after.Select(t => (string)t["containerInstanceArn"]!));
        Assert.Equal(2, after.Count(t => (string)t["containerInstanceArn"]! is var host && (host == a1 || host == a2)));
    }

    [Fact]
    public async Task A_service_whose_memberOf_matches_no_instance_reports_TasksNotPlaced_until_a_matching_instance_joins()
    {
        await using var env = await StartAsync();
        env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1a", instanceType: "m5.large");
        await env.TaskDefinitions.CreateAsync(BridgeTaskDefinition("api", "nginx:1.27", memory: 512), Ct);
        await env.Services.CreateAsync(Ec2Service("api", desiredCount: 2, C6iOnly, null), Ct);

        var stuck = await TickUntilAsync(env, "api", o => Condition(o, ConditionTypes.Ready) is { Reason: ConditionReasons.TasksNotPlaced });

        var ready = Condition(stuck, ConditionTypes.Ready)!;
        Assert.Equal(ConditionStatus.False, ready.Status);
        Assert.Equal(ConditionReasons.TasksNotPlaced, Condition(stuck, ConditionTypes.Reconciling)!.Reason);
        Assert.Null(Condition(stuck, ConditionTypes.Stalled));
        Assert.Contains("ECS cannot place 2 of 2 tasks", ready.Message, StringComparison.Ordinal);
        Assert.Contains("encountered error \"memberOf constraint unsatisfied\"", ready.Message, StringComparison.Ordinal);
        Assert.Contains("fix placementConstraints", ready.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("arn:aws", ready.Message, StringComparison.Ordinal);

        // ECS keeps trying: capacity that matches lets the service finish without any spec change.
        env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1a", instanceType: "c6i.xlarge");
        var placed = await TickUntilReadyAsync(env, "api");
        Assert.Equal(2, placed.Status!.RunningCount);
    }

    [Fact]
    public async Task A_task_bigger_than_any_instance_reports_insufficient_memory()
    {
        await using var env = await StartAsync();
        env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1a", instanceType: "c6i.large");
        await env.TaskDefinitions.CreateAsync(BridgeTaskDefinition("api", "nginx:1.27", memory: 8192), Ct);
        await env.Services.CreateAsync(Ec2Service("api", desiredCount: 1, C6iOnly, null), Ct);

        var stuck = await TickUntilAsync(env, "api", o => Condition(o, ConditionTypes.Ready) is { Reason: ConditionReasons.TasksNotPlaced });

        var message = Condition(stuck, ConditionTypes.Ready)!.Message!;
        Assert.Contains("ECS cannot place 1 of 1 tasks", message, StringComparison.Ordinal);
        Assert.Contains("has insufficient memory available", message, StringComparison.Ordinal);
        Assert.Contains("lower the task's memory", message, StringComparison.Ordinal);
        Assert.Equal(0, stuck.Status!.RunningCount);
    }

    internal static EcsTaskDefinition BridgeTaskDefinition(string name, string image, int memory, string networkMode = "bridge") => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            RequiresCompatibilities = ["EC2"],
            NetworkMode = networkMode,
            ContainerDefinitions =
            [
                new ContainerDefinition
                {
                    Name = name,
                    Image = image,
                    Cpu = 256,
                    Memory = memory,
                    PortMappings = networkMode == "bridge" ? [new PortMapping { ContainerPort = 8080, HostPort = 0 }] : null,
                },
            ],
        },
    };

    private static EcsService Ec2Service(string name, int desiredCount, string memberOf, IReadOnlyList<PlacementStrategy>? strategy) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsServiceSpec
        {
            TaskDefinitionRef = new LocalObjectReference { Name = name },
            LaunchType = "EC2",
            DesiredCount = desiredCount,
            PlacementStrategy = strategy,
            PlacementConstraints = [new PlacementConstraint { Type = "memberOf", Expression = memberOf }],
            DeploymentConfiguration = new DeploymentConfiguration
            {
                MaximumPercent = 200,
                MinimumHealthyPercent = 50,
                DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
            },
        },
    };

    /// <summary>The service's live (desired RUNNING) tasks as DescribeTasks reports them.</summary>
    internal static List<JsonObject> Tasks(OperatorEnvironment env, string service)
    {
        var arns = env.Ecs.Invoke("ListTasks", new JsonObject { ["cluster"] = DefaultCluster, ["serviceName"] = service })["taskArns"]!.AsArray();
        if (arns.Count == 0)
            return [];
        return env.Ecs.Invoke("DescribeTasks", new JsonObject { ["cluster"] = DefaultCluster, ["tasks"] = arns.DeepClone() })["tasks"]!.AsArray()
            .Select(t => t!.AsObject()).ToList();
    }
}
