using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using Xunit;
using static EcsOperator.EndToEnd.Tests.ServiceScenario;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// Native ECS BLUE_GREEN, LINEAR and CANARY deployments through the operator (the simulator walks the lifecycle
/// stages on its clock, 15 simulated seconds a tick): status.rollout follows the stages, the rollback annotation
/// stops a deployment once, a failed lifecycle hook rolls back, and a CODE_DEPLOY service is not updated in a loop.
/// </summary>
public sealed class NativeDeploymentTests
{
    private const string Hook = "arn:aws:lambda:us-east-1:123456789012:function:verify";
    private static readonly TimeSpan Resync = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_blue_green_rollout_walks_the_stages_bakes_with_all_production_traffic_then_completes()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = Resync);
        await CreateReadyAsync(env, new DeploymentConfiguration { Strategy = DeploymentStrategy.BlueGreen, BakeTimeInMinutes = 5 });
        var stageEvents = RolloutStageEvents(env);

        await EditTaskDefinitionImageAsync(env, "web", "nginx:1.28");
        var seen = new List<RolloutStatus>();
        // A new revision of the referenced task definition is no new generation of the service: Ready is for the same one.
        var done = await FollowAsync(env, seen, o => IsReady(o) && o.Status!.Rollout is { DeploymentStatus: ServiceDeploymentStatus.Successful } r
            && r.TaskDefinitionArn?.EndsWith($"{Family}:2", StringComparison.Ordinal) == true);

        seen.RemoveAll(r => r.TaskDefinitionArn?.EndsWith($"{Family}:1", StringComparison.Ordinal) == true); // the first deployment's
        var stages = seen.Select(r => r.Stage).OfType<string>().Distinct().ToList();
        Assert.Contains(ServiceDeploymentLifecycleStage.BakeTime, stages);
        Assert.Equal(stages.OrderBy(s => StageOrder.IndexOf(s)), stages); // never backwards
        var baking = seen.First(r => r.Stage == ServiceDeploymentLifecycleStage.BakeTime);
        Assert.Equal(100, baking.ProductionTrafficPercent);
        Assert.Equal("BAKE_TIME 100%", baking.Progress);
        Assert.NotNull(baking.BakeUntil);
        Assert.Equal(DeploymentStrategy.BlueGreen, baking.Strategy);
        Assert.All(seen.Where(r => r.Stage is ServiceDeploymentLifecycleStage.PreScaleUp or ServiceDeploymentLifecycleStage.ScaleUp), r => Assert.Equal(0, r.ProductionTrafficPercent ?? 0));

        var rollout = done.Status!.Rollout!;
        Assert.Equal(ServiceDeploymentStatus.Successful, rollout.Progress);
        Assert.Equal(DeploymentStrategy.BlueGreen, rollout.Strategy);
        Assert.Equal(100, rollout.ProductionTrafficPercent);
        Assert.Equal(baking.BakeUntil, rollout.BakeUntil);
        Assert.Equal(baking.DeploymentArn, rollout.DeploymentArn);
        Assert.EndsWith($"{Family}:2", done.Status.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.True(RolloutStageEvents(env) - stageEvents >= 3, $"RolloutStage events: {RolloutStageEvents(env) - stageEvents}");
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.RolloutCompleted), () => $"a RolloutCompleted event; events: {EventsSeen(env)}");

        // Settled, it costs its resyncs no service-deployment call (the completed deployment is replayed from status).
        await TickAndSettleAsync(env, 2);
        env.Ecs.Calls.Reset();
        await TickAndSettleAsync(env, 6);
        Assert.True(env.Ecs.Calls["ecs:DescribeServices"] > 0, "no resync happened");
        Assert.Equal(0, env.Ecs.Calls["ecs:ListServiceDeployments"] + env.Ecs.Calls["ecs:DescribeServiceDeployments"]);
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        Assert.True(IsReady(await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct)));
    }

    [Fact]
    public async Task A_canary_rollout_aborted_by_the_annotation_is_stopped_once_rolled_back_and_not_pushed_again_in_its_generation()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = Resync);
        await CreateReadyAsync(env, new DeploymentConfiguration
        {
            Strategy = DeploymentStrategy.Canary,
            BakeTimeInMinutes = 1,
            CanaryConfiguration = new CanaryConfiguration { CanaryPercent = 10, CanaryBakeTimeInMinutes = 30 },
        });

        await EditTaskDefinitionImageAsync(env, "web", "nginx:1.28");
        var canary = await FollowAsync(env, [], o => o.Status?.Rollout is { ProductionTrafficPercent: 10, DeploymentArn: not null });
        Assert.Equal("PRODUCTION_TRAFFIC_SHIFT 10%", canary.Status!.Rollout!.Progress);
        var id = canary.Status.Rollout.DeploymentArn![(canary.Status.Rollout.DeploymentArn!.LastIndexOf('/') + 1)..];
        var generation = canary.Metadata.Generation;

        await AnnotateAsync(env, id);
        var stopped = await FollowAsync(env, [], o => o.Status?.Rollout?.RolledBackBy == id
            && o.Status.Rollout.DeploymentStatus == ServiceDeploymentStatus.RollbackSuccessful);
        Assert.Equal(1, env.Ecs.Calls["ecs:StopServiceDeployment"]);
        Assert.Equal(generation, stopped.Status!.Rollout!.RolledBackGeneration);
        var stalled = Condition(stopped, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionReasons.RolledBackByAnnotation, stalled.Reason);
        Assert.Contains(id, stalled.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionStatus.False, Condition(stopped, ConditionTypes.Ready)!.Status);
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.RollbackRequested), "a RollbackRequested event");

        // Resyncs of the rolled-back service neither push revision 2 again nor stop anything again.
        var updates = env.Ecs.Calls["ecs:UpdateService"];
        await TickAndSettleAsync(env, 8);
        Assert.Equal(updates, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Equal(1, env.Ecs.Calls["ecs:StopServiceDeployment"]);
        Assert.EndsWith($"{Family}:1", (string?)Described(env, "web")["taskDefinition"], StringComparison.Ordinal);
        Assert.DoesNotContain(EventReasons.RollbackIgnored, EventReasonsSeen(env));

        // A new generation clears the hold: revision 2 goes out again (the annotation names the old deployment).
        await EditSpecAsync(env, "web", s => s with { EnableExecuteCommand = true });
        await Eventually(() => env.Ecs.Calls["ecs:UpdateService"] > updates, "revision 2 pushed again for the new generation");
        Assert.Equal(1, env.Ecs.Calls["ecs:StopServiceDeployment"]);
    }

    [Fact]
    public async Task A_linear_rollout_whose_lifecycle_hook_fails_is_rolled_back_and_not_ready_and_not_pushed_again()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = Resync);
        await CreateReadyAsync(env, new DeploymentConfiguration
        {
            Strategy = DeploymentStrategy.Linear,
            LinearConfiguration = new LinearConfiguration { StepPercent = 25, StepBakeTimeInMinutes = 1 },
            LifecycleHooks = [new DeploymentLifecycleHook { HookTargetArn = Hook, RoleArn = "arn:aws:iam::123456789012:role/hooks", LifecycleStages = ["POST_TEST_TRAFFIC_SHIFT"] }],
        });
        env.Ecs.Rules.FailLifecycleHook("POST_TEST_TRAFFIC_SHIFT");

        await EditTaskDefinitionImageAsync(env, "web", "nginx:1.28");
        var failed = await FollowAsync(env, [], o => Condition(o, ConditionTypes.Stalled) is { Reason: ConditionReasons.RolloutFailed } s && s.ObservedGeneration == o.Metadata.Generation
            && o.Status!.Rollout?.DeploymentStatus == ServiceDeploymentStatus.RollbackSuccessful);
        var ready = Condition(failed, ConditionTypes.Ready)!;
        Assert.Equal(ConditionStatus.False, ready.Status);
        Assert.Equal(ConditionReasons.RolloutFailed, ready.Reason);
        Assert.Contains("lifecycle hook", ready.Message, StringComparison.Ordinal);
        Assert.Contains(Hook, ready.Message, StringComparison.Ordinal);
        Assert.Equal(DeploymentStrategy.Linear, failed.Status!.Rollout!.Strategy);
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.RolloutFailed), "a RolloutFailed event");

        await TickAndSettleAsync(env, 8);
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.Equal(0, env.Ecs.Calls["ecs:StopServiceDeployment"]);
        Assert.EndsWith($"{Family}:1", (string?)Described(env, "web")["taskDefinition"], StringComparison.Ordinal);
        Assert.Equal(ConditionReasons.RolloutFailed, Condition(await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct), ConditionTypes.Stalled)?.Reason);
    }

    [Fact]
    public async Task A_CODE_DEPLOY_service_reports_a_new_revision_as_ExternalDeploymentController_and_only_sends_what_ECS_allows()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = Resync);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var service = NewService("web");
        await env.Services.CreateAsync(service with
        {
            Spec = service.Spec with { DeploymentConfiguration = null, DeploymentController = new DeploymentController { Type = "CODE_DEPLOY" } },
        }, Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.Calls.Reset();

        await EditTaskDefinitionImageAsync(env, "web", "nginx:1.28");
        var stalled = await TickUntilAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Reason: ConditionReasons.ExternalDeploymentController });
        var condition = Condition(stalled, ConditionTypes.Stalled)!;
        Assert.Contains("CODE_DEPLOY", condition.Message, StringComparison.Ordinal);
        Assert.Contains($"{Family}:2", condition.Message, StringComparison.Ordinal);
        Assert.Contains("CodeDeploy deployment", condition.Message, StringComparison.Ordinal);
        await TickAndSettleAsync(env, 6);
        Assert.Equal(0, env.Ecs.Calls["ecs:UpdateService"]);

        // What ECS lets UpdateService change still goes out (the simulator refuses anything else, as ECS does).
        await EditSpecAsync(env, "web", s => s with { DesiredCount = 3 });
        await Eventually(() => (int?)Described(env, "web")["desiredCount"] == 3, "desiredCount 3 in ECS");
        await TickAndSettleAsync(env, 4);
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]);
        Assert.EndsWith($"{Family}:1", (string?)Described(env, "web")["taskDefinition"], StringComparison.Ordinal);
        var after = await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        Assert.Equal(ConditionReasons.ExternalDeploymentController, Condition(after, ConditionTypes.Stalled)?.Reason);
    }

    private static readonly List<string> StageOrder = [.. Core.Services.Deployments.ServiceDeploymentProgress.Stages];

    /// <summary>A service of <paramref name="deployment"/>'s strategy behind a load balancer with an alternate target group, Ready on revision 1.</summary>
    private static async Task CreateReadyAsync(OperatorEnvironment env, DeploymentConfiguration deployment)
    {
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var service = NewService("web");
        await env.Services.CreateAsync(service with
        {
            Spec = service.Spec with
            {
                DeploymentConfiguration = deployment,
                LoadBalancers =
                [
                    new LoadBalancer
                    {
                        TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1",
                        ContainerName = "web",
                        ContainerPort = 80,
                        AdvancedConfiguration = new AdvancedConfiguration
                        {
                            AlternateTargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2",
                            ProductionListenerRule = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3",
                            TestListenerRule = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/4",
                            RoleArn = "arn:aws:iam::123456789012:role/ecs-elb",
                        },
                    },
                ],
            },
        }, Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.Calls.Reset();
    }

    /// <summary>Ticks one step at a time, recording every status.rollout the operator wrote, until <paramref name="condition"/>.</summary>
    private static async Task<EcsService> FollowAsync(OperatorEnvironment env, List<RolloutStatus> seen, Func<EcsService, bool> condition)
    {
        EcsService? last = null;
        for (var i = 0; i < 200; i++)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(150);
            while (DateTime.UtcNow < deadline)
            {
                last = await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
                if (last.Status?.Rollout is { } rollout && (seen.Count == 0 || seen[^1] != rollout))
                    seen.Add(rollout);
                if (condition(last))
                    return last;
                await Task.Delay(20, Ct);
            }

            env.Ecs.Tick();
        }

        throw new TimeoutException($"web never reached the expected state; last status: {(last is null ? "gone" : Describe(last))}");
    }

    private static async Task AnnotateAsync(OperatorEnvironment env, string deploymentId)
    {
        var current = await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        await env.Services.ReplaceAsync(current with
        {
            Metadata = current.Metadata with { Annotations = new Dictionary<string, string> { [ApiGroup.RollbackAnnotation] = deploymentId } },
        }, Ct);
    }

    /// <summary>Each Event of the namespace (reason, series count, note): what a failure message needs to tell a lost event from a late one.</summary>
    private static string EventsSeen(OperatorEnvironment env) => string.Join("; ", env.Kube.ListObjects("events.k8s.io", "events", OperatorEnvironment.Namespace)
        .Select(e => $"{e["regarding"]?["kind"]}/{e["regarding"]?["name"]} {e["reason"]} x{e["series"]?["count"]?.ToJsonString() ?? "1"}: {e["note"]}"));

    private static int RolloutStageEvents(OperatorEnvironment env) => EventReasonsSeen(env).Count(r => r == EventReasons.RolloutStage);
}
