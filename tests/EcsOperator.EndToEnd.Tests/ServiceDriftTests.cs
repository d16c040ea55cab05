using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Shared;
using Xunit;
using static EcsOperator.EndToEnd.Tests.ServiceScenario;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>The EcsService controller against the test API server and the ECS simulator: drift (Correct and Report), immutable fields and ownership.</summary>
public sealed class ServiceDriftTests
{
    [Fact]
    public async Task Drift_of_desired_count_task_definition_and_network_is_set_back_under_Correct()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await TickUntilReadyAsync(env, "web");
        RegisterExternalRevision(env, "intruder");
        env.Ecs.Calls.Reset();

        env.Ecs.SetDesiredCount(DefaultCluster, "web", 5);
        env.Ecs.SetServiceTaskDefinition(DefaultCluster, "web", "intruder:1");
        env.Ecs.SetServiceNetworkConfiguration(DefaultCluster, "web", new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-9") } });
        // Drifted=True lasts until the corrected service matches again, which may be one reconcile: status.drift keeps the record.
        var drifted = await WaitForAsync(env, "web", o => o.Status?.Drift?.Fields is { Count: > 0 });
        var fields = string.Join(", ", drifted.Status!.Drift!.Fields!);
        Assert.Contains("desiredCount", fields, StringComparison.Ordinal);
        Assert.Contains("taskDefinition", fields, StringComparison.Ordinal);
        Assert.Contains("networkConfiguration", fields, StringComparison.Ordinal);
        Assert.True(drifted.Status.Drift.Corrected);
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.DriftDetected), "a DriftDetected event");
        // Events are written in the background, one after the other per object: DriftCorrected follows DriftDetected.
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.DriftCorrected), "a DriftCorrected event");

        var settled = await TickUntilAsync(env, "web", o => IsReady(o) && Condition(o, ConditionTypes.Drifted) is { Status: "False" });

        var live = Described(env, "web");
        Assert.Equal(2, (int?)live["desiredCount"]);
        Assert.EndsWith($"{Family}:1", (string?)live["taskDefinition"], StringComparison.Ordinal);
        Assert.Equal("subnet-1", (string?)live["networkConfiguration"]!["awsvpcConfiguration"]!["subnets"]![0]);
        Assert.Equal(1, env.Ecs.Calls["ecs:UpdateService"]); // one update sets all three back
        Assert.Equal(ConditionReasons.DriftCorrected, Condition(settled, ConditionTypes.Drifted)!.Reason);
    }

    [Fact]
    public async Task Drift_is_only_reported_under_Report()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web", driftPolicy: DriftPolicy.Report), Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.SetServiceNetworkConfiguration(DefaultCluster, "web", new JsonObject { ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-9") } });
        env.Ecs.Calls.Reset();

        var drifted = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Drifted) is { Status: "True" });
        Assert.Equal(ConditionReasons.DriftReported, Condition(drifted, ConditionTypes.Drifted)!.Reason);
        Assert.Contains("networkConfiguration", Condition(drifted, ConditionTypes.Drifted)!.Message, StringComparison.Ordinal);

        await TickAndSettleAsync(env, 4);
        var after = await env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        Assert.Equal("subnet-9", (string?)Described(env, "web")["networkConfiguration"]!["awsvpcConfiguration"]!["subnets"]![0]);
        Assert.Equal(ConditionReasons.DriftReported, Condition(after, ConditionTypes.Drifted)!.Reason);
        Assert.False(after.Status!.Drift!.Corrected);
    }

    [Theory]
    [InlineData(DriftPolicy.Correct)]
    [InlineData(DriftPolicy.Report)]
    public async Task A_spec_tag_changed_in_AWS_is_drift_and_a_tag_someone_else_added_is_left_alone(DriftPolicy policy)
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(200));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var service = NewService("web", driftPolicy: policy);
        await env.Services.CreateAsync(service with { Spec = service.Spec with { Tags = [new() { Key = "team", Value = "shop" }] } }, Ct);
        await TickUntilReadyAsync(env, "web");
        var arn = (string)Described(env, "web")["serviceArn"]!;
        env.Ecs.Invoke("TagResource", new JsonObject
        {
            ["resourceArn"] = arn,
            ["tags"] = new JsonArray(new JsonObject { ["key"] = "team", ["value"] = "other" }, new JsonObject { ["key"] = "cost-center", ["value"] = "42" }),
        });
        env.Ecs.Calls.Reset();

        var drifted = await WaitForAsync(env, "web", o => o.Status?.Drift?.Fields is { Count: > 0 });
        Assert.Equal(["tags[team]"], drifted.Status!.Drift!.Fields!);
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.DriftDetected), "a DriftDetected event");
        if (policy == DriftPolicy.Correct)
        {
            await Eventually(() => Tag(Described(env, "web"), "team") == "shop", "the spec's tag set back");
            Assert.Equal(0, env.Ecs.Calls["ecs:UpdateService"]);
        }
        else
        {
            await TickAndSettleAsync(env, 4);
            Assert.Equal("other", Tag(Described(env, "web"), "team"));
            Assert.Equal(0, env.Ecs.Calls["ecs:TagResource"]);
        }

        Assert.Equal("42", Tag(Described(env, "web"), "cost-center"));
        Assert.Equal(0, env.Ecs.Calls["ecs:UntagResource"]);
    }

    [Theory]
    [InlineData("launchType")]
    [InlineData("serviceName")]
    public async Task An_immutable_change_is_Stalled_naming_the_field_without_an_update(string field)
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27", compatibilities: ["EC2", "FARGATE"]), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        await TickUntilReadyAsync(env, "web");
        env.Ecs.Calls.Reset();

        await EditSpecAsync(env, "web", s => field == "launchType" ? s with { LaunchType = "EC2" } : s with { ServiceName = "web-renamed" });
        var stalled = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" } && o.Status!.ObservedGeneration == o.Metadata.Generation);
        var condition = Condition(stalled, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionReasons.ImmutableFieldChanged, condition.Reason);
        Assert.Contains($"spec.{field}", condition.Message, StringComparison.Ordinal);

        await Task.Delay(300, Ct);
        Assert.Equal(0, MutatingCalls.Sum(c => env.Ecs.Calls[c]));
        Assert.Single(ListServices(env));
    }

    [Fact]
    public async Task An_untagged_service_is_NotOwned_until_adoptionPolicy_Adopt_and_then_managed()
    {
        await using var env = await StartAsync();
        RegisterExternalRevision(env, "legacy");
        env.Ecs.Invoke("CreateService", ExistingService("web", "legacy:1", tags: null));
        env.Ecs.Calls.Reset();

        await env.Services.CreateAsync(NewService("web", taskDefinition: "legacy:1"), Ct);
        var refused = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" });
        Assert.Equal(ConditionReasons.NotOwned, Condition(refused, ConditionTypes.Stalled)!.Reason);
        Assert.Contains("adoptionPolicy", Condition(refused, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        // Status records no service, so the operator sent CreateService without describing first; ECS refused it (the
        // name is taken) and nothing else was sent: the service is as it was.
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]);
        Assert.Equal(0, MutatingCalls.Where(c => c != "ecs:CreateService").Sum(c => env.Ecs.Calls[c]));
        Assert.Null(Tag(Described(env, "web"), ApiGroup.OwnerTagKey));

        await EditSpecAsync(env, "web", s => s with { AdoptionPolicy = AdoptionPolicy.Adopt });
        await TickUntilReadyAsync(env, "web");
        Assert.Equal(1, env.Ecs.Calls["ecs:TagResource"]);
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]); // only the refused one: a refused object reads first from then on
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/web", Tag(Described(env, "web"), ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        Assert.Single(ListServices(env));
    }

    [Fact]
    public async Task A_service_owned_by_someone_else_is_NotOwned_even_with_Adopt()
    {
        await using var env = await StartAsync();
        RegisterExternalRevision(env, "legacy");
        env.Ecs.Invoke("CreateService", ExistingService("web", "legacy:1", tags: new JsonArray(new JsonObject { ["key"] = ApiGroup.OwnerTagKey, ["value"] = "other-cluster/shop/web" })));
        env.Ecs.Calls.Reset();

        await env.Services.CreateAsync(NewService("web", taskDefinition: "legacy:1", adoptionPolicy: AdoptionPolicy.Adopt), Ct);
        var refused = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Stalled) is { Status: "True" });
        Assert.Equal(ConditionReasons.NotOwned, Condition(refused, ConditionTypes.Stalled)!.Reason);
        Assert.Contains("owned by another object", Condition(refused, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("other-cluster/shop/web", Condition(refused, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal); // another namespace's business
        await Task.Delay(300, Ct);
        // The one CreateService (sent without a describe: status records no service) was refused by ECS; nothing else.
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]);
        Assert.Equal(0, MutatingCalls.Where(c => c != "ecs:CreateService").Sum(c => env.Ecs.Calls[c]));
        Assert.Equal("other-cluster/shop/web", Tag(Described(env, "web"), ApiGroup.OwnerTagKey));
    }

    [Fact]
    public async Task A_service_deleted_outside_the_operator_is_created_again_once_INACTIVE()
    {
        await using var env = await StartAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await env.Services.CreateAsync(NewService("web"), Ct);
        var first = await TickUntilReadyAsync(env, "web");
        env.Ecs.Calls.Reset();

        env.Ecs.Invoke("DeleteService", new JsonObject { ["cluster"] = DefaultCluster, ["service"] = "web", ["force"] = true });
        var draining = await WaitForAsync(env, "web", o => Condition(o, ConditionTypes.Reconciling) is { Message: var m } && m.Contains("DRAINING", StringComparison.Ordinal));
        Assert.Equal("False", Condition(draining, ConditionTypes.Ready)!.Status);
        Assert.Equal(0, env.Ecs.Calls["ecs:CreateService"]);

        var again = await TickUntilAsync(env, "web", o => IsReady(o) && env.Ecs.Calls["ecs:CreateService"] == 1);
        Assert.Equal(1, env.Ecs.Calls["ecs:CreateService"]);
        Assert.Equal("ACTIVE", (string?)Described(env, "web")["status"]);
        Assert.NotEqual(first.Status!.Rollout!.DeploymentId, again.Status!.Rollout!.DeploymentId);
    }
}
