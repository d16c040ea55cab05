using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Ec2PlacementTests;
using static EcsOperator.EndToEnd.Tests.ServiceScenario;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// A DAEMON EcsService through the operator and the ECS simulator: one task on each matching container instance, a
/// new instance gets its own task without any UpdateService (and without desiredCount drift), and a rollout replaces
/// the tasks instance by instance within minimumHealthyPercent.
/// </summary>
public sealed class DaemonServiceTests
{
    [Fact]
    public async Task A_daemon_runs_one_task_per_matching_instance_covers_a_new_instance_and_rolls_out_within_minimum_healthy()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        var t3a = env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1a", instanceType: "t3.medium");
        var t3b = env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1b", instanceType: "t3.medium");
        var gpu = env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1b", instanceType: "g5.xlarge");
        await env.TaskDefinitions.CreateAsync(BridgeTaskDefinition("agent", "datadog/agent:7.60", memory: 256, networkMode: "host"), Ct);
        await env.Services.CreateAsync(Daemon("agent"), Ct);

        var ready = await TickUntilReadyAsync(env, "agent");

        var created = Described(env, "agent");
        Assert.Equal("DAEMON", (string?)created["schedulingStrategy"]);
        Assert.Equal((2, 2), (ready.Status!.DesiredCount, ready.Status.RunningCount));
        var hosts = Tasks(env, "agent").Select(t => (string)t["containerInstanceArn"]!).ToList();
        Assert.Equal(2, hosts.Count);
        Assert.Equal(new HashSet<string> { t3a, t3b }, hosts.ToHashSet());
        Assert.DoesNotContain(gpu, hosts);

        // A new matching instance gets its task from ECS; the operator neither sets a desired count nor sees drift.
        env.Ecs.Calls.Reset();
        var t3c = env.Ecs.AddContainerInstance(DefaultCluster, availabilityZone: "us-east-1c", instanceType: "t3.medium");
        var grown = await TickUntilAsync(env, "agent", o => IsReady(o) && o.Status?.RunningCount == 3);
        Assert.Equal(3, grown.Status!.DesiredCount);
        Assert.Contains(t3c, Tasks(env, "agent").Select(t => (string)t["containerInstanceArn"]!));
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Null(Condition(grown, ConditionTypes.Drifted));

        // Rollout: minimumHealthyPercent 50 of 3 instances keeps at least 2 tasks running while tasks are replaced.
        await EditTaskDefinitionImageAsync(env, "agent", "datadog/agent:7.61");
        await WaitForAsync(env, "agent", o => o.Status?.Rollout?.TaskDefinitionArn?.EndsWith(":2", StringComparison.Ordinal) == true);
        var lowest = int.MaxValue;
        EcsService? rolled = null;
        for (var i = 0; i < 60 && rolled is null; i++)
        {
            env.Ecs.Tick();
            lowest = Math.Min(lowest, (int)Described(env, "agent")["runningCount"]!);
            await Task.Delay(150, Ct);
            var current = await env.Services.GetAsync(OperatorEnvironment.Namespace, "agent", Ct);
            if (IsReady(current) && current.Status?.TaskDefinitionArn?.EndsWith(":2", StringComparison.Ordinal) == true)
                rolled = current;
        }

        Assert.NotNull(rolled);
        Assert.Equal("COMPLETED", rolled.Status!.Rollout!.State);
        Assert.InRange(lowest, 2, 3);
        var after = Tasks(env, "agent");
        Assert.Equal(3, after.Count);
        Assert.All(after, t => Assert.EndsWith(":2", (string)t["taskDefinitionArn"]!, StringComparison.Ordinal));
        Assert.Equal(3, after.Select(t => (string)t["containerInstanceArn"]!).Distinct().Count());
    }

    [Fact]
    public async Task A_daemon_spec_with_a_desired_count_is_refused_before_any_AWS_call()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(BridgeTaskDefinition("agent", "datadog/agent:7.60", memory: 256, networkMode: "host"), Ct);
        var daemon = Daemon("agent");
        // A real API server refuses this with the CRD's CEL rule; the test server does not run CEL, so the operator's own validation answers.
        await env.Services.CreateAsync(daemon with { Spec = daemon.Spec with { DesiredCount = 3 } }, Ct);

        var stalled = await WaitForAsync(env, "agent", o => Condition(o, ConditionTypes.Stalled) is { Reason: ConditionReasons.InvalidSpec });
        Assert.Contains("spec.desiredCount", Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Contains("DAEMON", Condition(stalled, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal(0, env.Ecs.Calls["ecs:CreateService"]);
    }

    private static EcsService Daemon(string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsServiceSpec
        {
            TaskDefinitionRef = new LocalObjectReference { Name = name },
            LaunchType = "EC2",
            SchedulingStrategy = "DAEMON",
            PlacementConstraints = [new PlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.instance-type =~ t3.*" }],
            DeploymentConfiguration = new DeploymentConfiguration { MinimumHealthyPercent = 50, MaximumPercent = 100 },
        },
    };
}
