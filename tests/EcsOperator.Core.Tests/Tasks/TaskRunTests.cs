using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Tasks;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Tests.Tasks;

public sealed class TaskRunTests
{
    private const string Uid = "0d6b5e3a-1c2f-4e8a-9b7d-3f2e1a0c9b8d";
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

    private static EcsTask Migration => new()
    {
        Metadata = new ObjectMeta { Name = "migrate", Namespace = "shop", Uid = Uid },
        Spec = new EcsTaskSpec
        {
            TaskDefinition = "shop-migrate",
            LaunchType = "FARGATE",
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-a"], AssignPublicIp = "DISABLED" },
            },
            Overrides = new TaskOverride { ContainerOverrides = [new ContainerOverride { Name = "app", Command = ["migrate", "up"] }] },
            PropagateTags = "TASK_DEFINITION",
            Tags = [new Tag { Key = "job", Value = "migrate" }],
        },
    };

    [Fact]
    public void RunTask_request_is_idempotent_by_uid_and_carries_the_spec()
    {
        var request = TaskRunTranslator.ToRunTaskRequest(Migration, "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-migrate:7", "prod", "c/shop/migrate");

        var json = JsonSerializer.SerializeToNode(request, EcsJsonContext.Default.RunTaskRequest)!;
        var expected = JsonNode.Parse($$$"""
            {"cluster":"prod","count":1,"launchType":"FARGATE",
             "networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-a"],"assignPublicIp":"DISABLED"}},
             "overrides":{"containerOverrides":[{"name":"app","command":["migrate","up"]}]},
             "propagateTags":"TASK_DEFINITION","startedBy":"{{{Uid}}}",
             "tags":[{"key":"job","value":"migrate"},{"key":"ecs.operator.dev/owner","value":"c/shop/migrate"}],
             "taskDefinition":"arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-migrate:7","clientToken":"{{{Uid}}}"}
            """);
        Assert.True(JsonNode.DeepEquals(expected, json), json.ToJsonString());
    }

    [Fact]
    public void Spec_started_by_wins_and_a_missing_uid_is_a_clear_error()
    {
        Assert.Equal("nightly", TaskRunTranslator.StartedBy(Migration with { Spec = Migration.Spec with { StartedBy = "nightly" } }));
        var error = Assert.Throws<ArgumentException>(() =>
            TaskRunTranslator.ToRunTaskRequest(Migration with { Metadata = Migration.Metadata with { Uid = null } }, "shop-migrate:7", null, "c/shop/migrate"));
        Assert.Contains("shop/migrate has no metadata.uid", error.Message, StringComparison.Ordinal);
    }

    private static TaskDescription Described(string lastStatus, params Container[] containers) => new()
    {
        TaskArn = "arn:aws:ecs:eu-west-1:123456789012:task/prod/a1",
        LastStatus = lastStatus,
        DesiredStatus = lastStatus == "STOPPED" ? "STOPPED" : "RUNNING",
        StartedAt = lastStatus is "PROVISIONING" or "PENDING" ? null : T0,
        StoppedAt = lastStatus == "STOPPED" ? T0.AddMinutes(3) : null,
        Containers = containers,
    };

    private static Container C(string name, string lastStatus, int? exitCode = null, string? reason = null) =>
        new() { Name = name, LastStatus = lastStatus, ExitCode = exitCode, Reason = reason };

    [Fact]
    public void All_essential_containers_exiting_0_succeeds_and_the_ttl_counts_from_the_stop()
    {
        var result = TaskRunStatusCalculator.From([Described("STOPPED", C("app", "STOPPED", 0)) with { StopCode = "EssentialContainerExited" }]);

        Assert.Equal(TaskPhase.Succeeded, result.Phase);
        Assert.Equal(0, result.ExitCode);
        Assert.True(result.IsFinished);
        Assert.Equal(T0.AddMinutes(3), result.FinishedAt);
        Assert.Equal(T0, result.StartedAt);
        var container = Assert.Single(Assert.Single(result.Tasks).Containers!);
        Assert.Equal(("app", 0), (container.Name, container.ExitCode));
    }

    [Fact]
    public void An_essential_container_exiting_1_fails_with_its_exit_code()
    {
        var result = TaskRunStatusCalculator.From([Described("STOPPED", C("app", "STOPPED", 1, "boom"), C("sidecar", "STOPPED", 0)) with
        {
            StopCode = "EssentialContainerExited",
            StoppedReason = "Essential container in task exited",
        }]);

        Assert.Equal(TaskPhase.Failed, result.Phase);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("app", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("exited with 1", result.FailureReason, StringComparison.Ordinal);
        Assert.Equal("EssentialContainerExited", result.Tasks[0].StopCode);
    }

    [Fact]
    public void A_task_that_failed_to_start_fails_without_an_exit_code()
    {
        var result = TaskRunStatusCalculator.From([Described("STOPPED", C("app", "STOPPED", null, "CannotPullContainerError: pull access denied")) with
        {
            StartedAt = null,
            StopCode = "TaskFailedToStart",
            StoppedReason = "CannotPullContainerError: pull access denied for shop/migrate",
        }]);

        Assert.Equal(TaskPhase.Failed, result.Phase);
        Assert.Null(result.ExitCode);
        Assert.Contains("TaskFailedToStart", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains("CannotPullContainerError", result.FailureReason, StringComparison.Ordinal);
        Assert.True(result.IsFinished);
        Assert.Null(result.StartedAt);
    }

    [Theory]
    [InlineData("PROVISIONING", TaskPhase.Pending)]
    [InlineData("PENDING", TaskPhase.Pending)]
    [InlineData("ACTIVATING", TaskPhase.Pending)]
    [InlineData("RUNNING", TaskPhase.Running)]
    [InlineData("DEACTIVATING", TaskPhase.Running)]
    public void A_task_not_yet_stopped_is_pending_or_running_and_not_finished(string lastStatus, TaskPhase phase)
    {
        var result = TaskRunStatusCalculator.From([Described(lastStatus, C("app", lastStatus))]);

        Assert.Equal(phase, result.Phase);
        Assert.False(result.IsFinished);
        Assert.Null(result.FinishedAt);
        Assert.Null(result.ExitCode);
    }

    [Fact]
    public void One_task_still_running_keeps_the_run_running_even_when_another_failed()
    {
        var stopped = Described("STOPPED", C("app", "STOPPED", 2));
        var running = Described("RUNNING", C("app", "RUNNING")) with { TaskArn = "arn:aws:ecs:eu-west-1:123456789012:task/prod/b2" };

        var result = TaskRunStatusCalculator.From([running, stopped]);

        Assert.Equal(TaskPhase.Running, result.Phase);
        Assert.Equal(["arn:aws:ecs:eu-west-1:123456789012:task/prod/a1", "arn:aws:ecs:eu-west-1:123456789012:task/prod/b2"], result.TaskArns);
    }

    [Fact]
    public void Only_essential_containers_decide_the_outcome()
    {
        var task = Described("STOPPED", C("app", "STOPPED", 0), C("log-router", "STOPPED", 137)) with { StopCode = "EssentialContainerExited" };

        Assert.Equal(TaskPhase.Succeeded, TaskRunStatusCalculator.From([task], new HashSet<string> { "app" }).Phase);
        var allEssential = TaskRunStatusCalculator.From([task]);
        Assert.Equal((TaskPhase.Failed, 137), (allEssential.Phase, allEssential.ExitCode));
    }

    [Fact]
    public void Nothing_described_yet_is_pending()
    {
        Assert.Equal(TaskPhase.Pending, TaskRunStatusCalculator.From([]).Phase);
    }

    [Fact]
    public void RunTask_failures_become_readable_lines()
    {
        Assert.Equal(["arn:aws:ecs:eu-west-1:123456789012:container-instance/x: RESOURCE:MEMORY", "MISSING (no capacity)"],
            TaskRunStatusCalculator.FailureMessages(
            [
                new Failure { Arn = "arn:aws:ecs:eu-west-1:123456789012:container-instance/x", Reason = "RESOURCE:MEMORY" },
                new Failure { Reason = "MISSING", Detail = "no capacity" },
            ]));
    }

    [Fact]
    public void A_run_RunTask_could_not_fully_place_fails_even_when_its_started_tasks_exit_0()
    {
        var stopped = Described("STOPPED", C("app", "STOPPED", 0)) with { StopCode = "EssentialContainerExited" };
        var failures = TaskRunStatusCalculator.FailureMessages([new Failure { Reason = "RESOURCE:CPU" }]);

        var result = TaskRunStatusCalculator.From([stopped], runTaskFailures: failures);

        Assert.Equal(TaskPhase.Failed, result.Phase);
        Assert.Null(result.ExitCode);
        Assert.Contains("RESOURCE:CPU", result.FailureReason, StringComparison.Ordinal);
        Assert.Equal(TaskPhase.Running, TaskRunStatusCalculator.From([Described("RUNNING", C("app", "RUNNING"))], runTaskFailures: failures).Phase);
    }

    [Fact]
    public void Only_tasks_with_our_started_by_and_owner_tag_are_this_objects_run()
    {
        var ours = Described("RUNNING") with { StartedBy = Uid, Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "c/shop/migrate" }] };

        Assert.True(TaskRunTranslator.IsRunOf(ours, Uid, "c/shop/migrate"));
        Assert.False(TaskRunTranslator.IsRunOf(ours, Uid, "c/shop/other"));
        Assert.False(TaskRunTranslator.IsRunOf(ours with { StartedBy = "nightly" }, Uid, "c/shop/migrate"));
        Assert.False(TaskRunTranslator.IsRunOf(ours with { Tags = null }, Uid, "c/shop/migrate"));
    }

    [Fact]
    public void The_ttl_counts_from_the_stop_and_is_due_at_exactly_its_expiry()
    {
        var stopped = T0.AddMinutes(3);

        Assert.Null(TaskTtl.ExpiresAt(stopped, null));
        Assert.Null(TaskTtl.Remaining(stopped, null, stopped.AddYears(1)));
        Assert.Equal(stopped.AddSeconds(90), TaskTtl.ExpiresAt(stopped, 90));
        Assert.Equal(TimeSpan.FromSeconds(60), TaskTtl.Remaining(stopped, 90, stopped.AddSeconds(30)));
        Assert.Equal(TimeSpan.Zero, TaskTtl.Remaining(stopped, 90, stopped.AddSeconds(90)));
        Assert.Equal(TimeSpan.Zero, TaskTtl.Remaining(stopped, 0, stopped));
        Assert.Equal(TimeSpan.Zero, TaskTtl.Remaining(stopped, 90, stopped.AddHours(5)));
    }

    [Fact]
    public void The_run_spec_hash_ignores_only_the_fields_read_after_the_start()
    {
        var spec = Migration.Spec;
        var hash = TaskRunTranslator.RunSpecHash(spec);

        Assert.Equal(hash, TaskRunTranslator.RunSpecHash(spec with { TtlSecondsAfterFinished = 600, DeletionPolicy = Api.Shared.DeletionPolicy.Retain }));
        Assert.NotEqual(hash, TaskRunTranslator.RunSpecHash(spec with
        {
            Overrides = new TaskOverride { ContainerOverrides = [new ContainerOverride { Name = "app", Command = ["migrate", "down"] }] },
        }));
        Assert.NotEqual(hash, TaskRunTranslator.RunSpecHash(spec with { Count = 2 }));
    }
}
