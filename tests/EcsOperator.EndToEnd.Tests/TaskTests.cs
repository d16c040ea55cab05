using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// The EcsTask controller, run by the real host against the test API server and the ECS simulator. The operator
/// polls on real time (a short TaskPollInterval); the tasks move only when a test advances the simulator's clock.
/// </summary>
public sealed class TaskTests
{
    private const string Name = "migrate";
    private const string Cluster = "jobs";
    private const string Image = "repo/job:1";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly Action<OperatorOptions> FastPolling = o => o.TaskPollInterval = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task A_task_that_exits_0_runs_once_and_is_Succeeded_and_Ready_with_its_exit_codes()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await env.Tasks.CreateAsync(NewTask(), Ct);

        var started = await WaitForAsync(env, o => o.Status?.TaskArns is { Count: 1 });
        Assert.Equal(1, env.Ecs.Calls["ecs:RunTask"]);
        Assert.Contains(ApiGroup.CleanupFinalizer, started.Metadata.Finalizers!);
        Assert.Equal(started.Metadata.Uid, (string?)DescribedTask(env, started.Status!.TaskArns![0])["startedBy"]);
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/{Name}", Tag(DescribedTask(env, started.Status.TaskArns[0]), ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        Assert.NotEqual("True", Condition(started, ConditionTypes.Ready)?.Status);

        await env.Ecs.AdvanceAsync(TimeSpan.FromMinutes(3), Ct); // PROVISIONING -> RUNNING -> exits 0 after a minute
        var done = await Waits.ReadyAsync(env.Tasks, Name, o => o.Status, StatusJson);

        var status = done.Status!;
        Assert.Equal(TaskPhase.Succeeded, status.Phase);
        Assert.Equal(0, status.ExitCode);
        var task = Assert.Single(status.Tasks!);
        Assert.Equal(("STOPPED", "EssentialContainerExited"), (task.LastStatus, task.StopCode));
        Assert.Equal(("app", 0), (Assert.Single(task.Containers!).Name, task.Containers![0].ExitCode));
        Assert.NotNull(status.StartedAt);
        Assert.NotNull(status.StoppedAt);
        Assert.Null(Condition(done, ConditionTypes.Reconciling));
        Assert.Null(Condition(done, ConditionTypes.Stalled));
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.TaskSucceeded), "a TaskSucceeded event");
        Assert.Contains(EventReasons.Created, EventReasonsSeen(env));

        // Finished: no more polling, and a spec edit is reported, never run.
        var describes = env.Ecs.Calls["ecs:DescribeTasks"];
        await EditSpecAsync(env, s => s with { Overrides = new TaskOverride { ContainerOverrides = [new ContainerOverride { Name = "app", Command = ["migrate", "down"] }] } });
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.SpecChangeIgnored), "a SpecChangeIgnored event");
        var edited = await Waits.ReadyAsync(env.Tasks, Name, o => o.Status, StatusJson);
        Assert.Equal((2L, TaskPhase.Succeeded), (edited.Metadata.Generation!.Value, edited.Status!.Phase!.Value));
        await Task.Delay(300, Ct);
        Assert.Equal(describes, env.Ecs.Calls["ecs:DescribeTasks"]);
        Assert.Equal(1, env.Ecs.Calls["ecs:RunTask"]);
    }

    [Fact]
    public async Task A_non_zero_exit_is_Failed_and_Stalled_with_the_code_and_reason_and_is_not_run_again()
    {
        await using var env = await StartAsync();
        env.Ecs.Rules.ExitAfter("repo/job:*", TimeSpan.FromSeconds(30), exitCode: 3);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await env.Tasks.CreateAsync(NewTask(), Ct);
        await WaitForAsync(env, o => o.Status?.TaskArns is { Count: 1 });

        await env.Ecs.AdvanceAsync(TimeSpan.FromMinutes(2), Ct);
        var failed = await WaitForAsync(env, o => o.Status?.Phase == TaskPhase.Failed);

        Assert.Equal(3, failed.Status!.ExitCode);
        Assert.Equal(3, failed.Status.Tasks![0].Containers![0].ExitCode);
        var stalled = Condition(failed, ConditionTypes.Stalled)!;
        Assert.Equal(("True", ConditionReasons.TaskFailed), (stalled.Status, stalled.Reason));
        Assert.Contains("exit code 3", stalled.Message, StringComparison.Ordinal);
        Assert.Contains("essential container app", stalled.Message, StringComparison.Ordinal);
        Assert.Equal(("False", ConditionReasons.TaskFailed), (Condition(failed, ConditionTypes.Ready)!.Status, Condition(failed, ConditionTypes.Ready)!.Reason));
        Assert.Null(Condition(failed, ConditionTypes.Reconciling)); // finished, not in progress
        await Eventually(() => EventReasonsSeen(env).Contains(EventReasons.TaskFailed), "a TaskFailed event");

        var reconciles = env.ReconcileCountOf(EcsTask.KindName);
        Assert.True(reconciles > 0, "the reconciles of this environment are counted");
        await Task.Delay(300, Ct);
        Assert.InRange(env.ReconcileCountOf(EcsTask.KindName) - reconciles, 0, 2);
        Assert.Equal(1, env.Ecs.Calls["ecs:RunTask"]);
    }

    [Fact]
    public async Task Injected_503s_on_RunTask_and_an_operator_restart_mid_run_start_exactly_one_task()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        CreateEcsCluster(env);
        // Two attempts per call: the first reconcile gives up (Retrying), the queue retries, the next call succeeds.
        env.Ecs.Faults.FailNext("RunTask", 3, "ServiceUnavailableException", HttpStatusCode.ServiceUnavailable);
        await env.StartOperatorAsync(Ct, FastPolling, a =>
        {
            a.Retry.MaxAttempts = 2;
            a.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        });
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await env.Tasks.CreateAsync(NewTask(), Ct);

        var started = await WaitForAsync(env, o => o.Status?.TaskArns is { Count: 1 });
        Assert.Equal(4, env.Ecs.Calls["ecs:RunTask"]); // 3 refused + 1 that started the task
        Assert.Single(TasksStartedBy(env, started.Metadata.Uid!));

        env.Ecs.Tick(3); // RUNNING
        await WaitForAsync(env, o => o.Status?.Phase == TaskPhase.Running);
        await env.StopOperatorAsync(Ct);
        await env.StartOperatorAsync(Ct, FastPolling);
        await env.Ecs.AdvanceAsync(TimeSpan.FromMinutes(2), Ct);
        var done = await WaitForAsync(env, o => o.Status?.Phase == TaskPhase.Succeeded);

        Assert.Equal(started.Status!.TaskArns, done.Status!.TaskArns);
        Assert.Equal(4, env.Ecs.Calls["ecs:RunTask"]);
        Assert.Single(TasksStartedBy(env, started.Metadata.Uid!));
    }

    [Fact]
    public async Task A_wiped_status_finds_the_finished_task_by_startedBy_instead_of_running_it_again()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await env.Tasks.CreateAsync(NewTask(), Ct);
        await WaitForAsync(env, o => o.Status?.TaskArns is { Count: 1 });
        await env.Ecs.AdvanceAsync(TimeSpan.FromMinutes(3), Ct);
        var first = await WaitForAsync(env, o => o.Status?.Phase == TaskPhase.Succeeded);

        // As after a backup restore without status: the operator only has the object and ECS.
        await env.StopOperatorAsync(Ct);
        var current = await env.Tasks.GetAsync(OperatorEnvironment.Namespace, Name, Ct);
        await env.Tasks.ReplaceStatusAsync(current with { Status = new EcsTaskStatus() }, Ct);
        Assert.Null((await env.Tasks.GetAsync(OperatorEnvironment.Namespace, Name, Ct)).Status?.TaskArns);
        await env.StartOperatorAsync(Ct, FastPolling);

        var found = await WaitForAsync(env, o => o.Status?.Phase == TaskPhase.Succeeded);
        Assert.Equal(first.Status!.TaskArns, found.Status!.TaskArns);
        Assert.Equal(0, found.Status.ExitCode);
        Assert.Equal(1, env.Ecs.Calls["ecs:RunTask"]);
        Assert.Single(TasksStartedBy(env, first.Metadata.Uid!));
    }

    [Fact]
    public async Task ttlSecondsAfterFinished_deletes_the_object_at_its_expiry_and_not_before()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await env.Tasks.CreateAsync(NewTask(), Ct);
        await WaitForAsync(env, o => o.Status?.TaskArns is { Count: 1 });
        await env.Ecs.AdvanceAsync(TimeSpan.FromMinutes(3), Ct);
        var done = await WaitForAsync(env, o => o.Status?.Phase == TaskPhase.Succeeded);

        // The simulator's clock is not the operator's: pick the ttl that expires two seconds from now on the
        // operator's clock, counted from the stop ECS reported.
        var expiry = DateTimeOffset.UtcNow.AddSeconds(2);
        var ttl = (int)Math.Ceiling((expiry - done.Status!.StoppedAt!.Value).TotalSeconds);
        expiry = done.Status.StoppedAt.Value.AddSeconds(ttl);
        await EditSpecAsync(env, s => s with { TtlSecondsAfterFinished = ttl });

        await Eventually(async () => await env.Tasks.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null, "the object deleted");
        Assert.True(DateTimeOffset.UtcNow >= expiry, $"deleted before the ttl expired at {expiry:O}");
        Assert.Equal(0, env.Ecs.Calls["ecs:StopTask"]); // nothing left to stop
        Assert.Equal(1, env.Ecs.Calls["ecs:RunTask"]);
        Assert.DoesNotContain(EventReasons.SpecChangeIgnored, EventReasonsSeen(env)); // a ttl edit applies
    }

    [Fact]
    public async Task Deleting_a_running_task_stops_it_with_a_reason()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await env.Tasks.CreateAsync(NewTask(), Ct);
        await WaitForAsync(env, o => o.Status?.TaskArns is { Count: 1 });
        env.Ecs.Tick(3); // RUNNING
        var running = await WaitForAsync(env, o => o.Status?.Phase == TaskPhase.Running);

        await env.Tasks.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);
        await Eventually(async () => await env.Tasks.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null, "the object deleted");

        Assert.Equal(1, env.Ecs.Calls["ecs:StopTask"]);
        var task = DescribedTask(env, running.Status!.TaskArns![0]);
        Assert.Equal("STOPPED", (string?)task["desiredStatus"]);
        Assert.Contains($"EcsTask {OperatorEnvironment.Namespace}/{Name} was deleted", (string?)task["stoppedReason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_running_task_with_deletionPolicy_Retain_leaves_it_running()
    {
        await using var env = await StartAsync();
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await env.Tasks.CreateAsync(NewTask() with { Spec = NewTask().Spec with { DeletionPolicy = DeletionPolicy.Retain } }, Ct);
        await WaitForAsync(env, o => o.Status?.TaskArns is { Count: 1 });
        env.Ecs.Tick(3); // RUNNING
        var running = await WaitForAsync(env, o => o.Status?.Phase == TaskPhase.Running);

        await env.Tasks.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);
        await Eventually(async () => await env.Tasks.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null, "the object deleted");

        Assert.Equal(0, env.Ecs.Calls["ecs:StopTask"]);
        Assert.Equal("RUNNING", (string?)DescribedTask(env, running.Status!.TaskArns![0])["desiredStatus"]);
    }

    [Fact]
    public async Task An_invalid_spec_is_Stalled_InvalidSpec_with_the_field_path_without_any_ECS_call_or_hot_loop()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, FastPolling);

        // Valid for the schema and its CEL rules; Fargate has no placement constraints.
        await env.Tasks.CreateAsync(NewTask(taskDefinitionRef: null) with
        {
            Spec = NewTask(taskDefinitionRef: null).Spec with
            {
                LaunchType = "FARGATE",
                PlacementConstraints = [new PlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.instance-type =~ t3.*" }],
            },
        }, Ct);
        var stalled = await WaitForAsync(env, o => Condition(o, ConditionTypes.Stalled) is { Status: "True" } && o.Status!.ObservedGeneration == o.Metadata.Generation);

        var condition = Condition(stalled, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionReasons.InvalidSpec, condition.Reason);
        Assert.Contains("spec.placementConstraints", condition.Message, StringComparison.Ordinal);
        // The reconcile that wrote the status is counted when it returns, just after the write.
        await Eventually(() => env.ReconcileCountOf(EcsTask.KindName) > 0, "the reconciles of this environment are counted");
        var reconciles = env.ReconcileCountOf(EcsTask.KindName);
        await Task.Delay(400, Ct);
        Assert.InRange(env.ReconcileCountOf(EcsTask.KindName) - reconciles, 0, 2);
        Assert.Equal(0, env.Ecs.Calls.Total);

        // It never ran, so deleting it has nothing to stop and is not held up.
        await env.Tasks.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);
        await Eventually(async () => await env.Tasks.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null, "the object deleted");
        Assert.Equal(0, env.Ecs.Calls.Total);
    }

    [Fact]
    public async Task A_task_waits_for_its_referenced_cluster_and_task_definition_then_runs_their_revision_once()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, FastPolling);
        await env.Tasks.CreateAsync(NewTask() with
        {
            Spec = NewTask().Spec with { Cluster = null, ClusterRef = new LocalObjectReference { Name = Cluster } },
        }, Ct);

        var waiting = await WaitForAsync(env, o => Condition(o, ConditionTypes.Reconciling)?.Message?.Contains("EcsTaskDefinition job", StringComparison.Ordinal) == true);
        Assert.Equal(TaskPhase.Pending, waiting.Status!.Phase);
        Assert.Equal(("False", ConditionReasons.Pending), (Condition(waiting, ConditionTypes.Ready)!.Status, Condition(waiting, ConditionTypes.Ready)!.Reason));

        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await WaitForAsync(env, o => Condition(o, ConditionTypes.Reconciling)?.Message?.Contains($"EcsCluster {Cluster}", StringComparison.Ordinal) == true);
        Assert.Equal(0, env.Ecs.Calls["ecs:RunTask"]);

        await env.Clusters.CreateAsync(new EcsCluster
        {
            Metadata = new ObjectMeta { Name = Cluster, Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsClusterSpec(),
        }, Ct);
        var started = await WaitForAsync(env, o => o.Status?.TaskArns is { Count: 1 });

        var td = await env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "job", Ct);
        Assert.Equal(td.Status!.TaskDefinitionArn, started.Status!.TaskDefinitionArn);
        Assert.EndsWith($":cluster/{Cluster}", started.Status.ClusterArn, StringComparison.Ordinal);
        Assert.Equal(1, env.Ecs.Calls["ecs:RunTask"]);
    }

    [Fact]
    public async Task A_task_created_beside_its_task_definition_writes_no_status_while_the_task_definition_is_being_registered()
    {
        await using var env = await StartAsync();
        // RegisterTaskDefinition takes 1.5 s: the task is reconciled while its task definition has no status yet.
        env.Ecs.Faults.SetLatency("RegisterTaskDefinition", TimeSpan.FromMilliseconds(1500));
        var taskWrites = new System.Collections.Concurrent.ConcurrentQueue<JsonObject>();
        env.Kube.Written += w =>
        {
            if (w.Plural == Kinds.Task.Plural && w.Type == "MODIFIED")
                taskWrites.Enqueue(w.Object);
        };
        // The task definition's first status is also held until the task has been looked at: with the 1.5 s alone, a
        // loaded machine could finish registering (and the task run) before the look below.
        using (env.Kube.HoldRequests(r => r.Resource == Kinds.TaskDefinition.Plural && r.Subresource == "status" && r.Verb is not ("get" or "list" or "watch")))
        {
            await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
            await env.Tasks.CreateAsync(NewTask(), Ct);

            // The finalizer is written before anything else: waited for, then a while for a (wrong) status to follow.
            await Eventually(async () => (await env.Tasks.GetAsync(OperatorEnvironment.Namespace, Name, Ct)).Metadata.Finalizers?.Contains(ApiGroup.CleanupFinalizer) == true,
                "the task's finalizer written");
            await Task.Delay(750, Ct);
            var meanwhile = await env.Tasks.GetAsync(OperatorEnvironment.Namespace, Name, Ct);
            Assert.Null(meanwhile.Status); // no "waiting" for a task definition that is being registered right now
            Assert.Contains(ApiGroup.CleanupFinalizer, meanwhile.Metadata.Finalizers!);
        }

        var started = await WaitForAsync(env, o => o.Status?.TaskArns is { Count: 1 });
        Assert.Equal(1, env.Ecs.Calls["ecs:RunTask"]);
        Assert.EndsWith("job:1", started.Status!.TaskDefinitionArn, StringComparison.Ordinal);
        Assert.DoesNotContain(taskWrites, o => o.ToJsonString().Contains("waiting for EcsTaskDefinition", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_whose_task_definition_AWS_keeps_refusing_says_it_waits_without_waiting_for_the_resync()
    {
        await using var env = await StartAsync();
        // Throttled on every attempt, slowly: the task is reconciled (and waits without a word) before the task
        // definition's first status. That status is neither Ready nor Stalled, but it must still wake the task.
        await CreateWhileRegistrationIsThrottledAsync(env, TimeSpan.FromMilliseconds(300));

        var waiting = await WaitForAsync(env, o => Condition(o, ConditionTypes.Ready) is { Reason: ConditionReasons.Pending });
        Assert.Contains("waiting for EcsTaskDefinition job to register a revision of its current spec", Condition(waiting, ConditionTypes.Reconciling)!.Message, StringComparison.Ordinal);
        Assert.Equal(0, env.Ecs.Calls["ecs:RunTask"]);

        env.Ecs.Faults.Clear();
        await WaitForAsync(env, o => o.Status?.TaskArns is { Count: 1 });
        Assert.Equal(1, env.Ecs.Calls["ecs:RunTask"]);
    }

    [Fact]
    public async Task A_waiting_task_names_its_task_definition_as_Stalled_once_the_retries_end_in_a_refusal()
    {
        await using var env = await StartAsync();
        // Retrying first (throttled), so the task waits with the generic message; then ECS refuses the spec for good.
        await CreateWhileRegistrationIsThrottledAsync(env, TimeSpan.FromMilliseconds(200));
        await WaitForAsync(env, o => Condition(o, ConditionTypes.Reconciling)?.Message?.Contains("to register a revision of its current spec", StringComparison.Ordinal) == true);

        env.Ecs.Faults.Clear();
        env.Ecs.Faults.FailNext("RegisterTaskDefinition", 1000, "ClientException", HttpStatusCode.BadRequest, "Invalid setting for container 'web'");

        var named = await WaitForAsync(env, o => Condition(o, ConditionTypes.Reconciling)?.Message?.Contains("is Stalled", StringComparison.Ordinal) == true);
        Assert.Contains("EcsTaskDefinition job is Stalled (InvalidSpec)", Condition(named, ConditionTypes.Reconciling)!.Message, StringComparison.Ordinal);
        Assert.Equal(0, env.Ecs.Calls["ecs:RunTask"]);
    }

    [Fact]
    public async Task A_task_still_waiting_for_its_task_definition_is_deleted_without_delay_even_without_a_default_cluster()
    {
        await using var env = await OperatorEnvironment.StartAsync(Ct);
        await env.StartOperatorAsync(Ct, FastPolling);
        await env.Tasks.CreateAsync(NewTask() with { Spec = NewTask().Spec with { Cluster = null } }, Ct);
        await WaitForAsync(env, o => Condition(o, ConditionTypes.Reconciling)?.Message?.Contains("EcsTaskDefinition job", StringComparison.Ordinal) == true);

        await env.Tasks.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);

        // It looks for tasks started for it (a lost status), finds no default cluster, and lets go.
        await Eventually(async () => await env.Tasks.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null, "the object deleted");
        Assert.True(env.Ecs.Calls["ecs:ListTasks"] >= 1, "the deletion looked for tasks started for the object");
        Assert.Equal(0, env.Ecs.Calls["ecs:RunTask"] + env.Ecs.Calls["ecs:StopTask"]);
    }

    [Fact]
    public async Task RunTask_placement_failures_fail_the_run_with_the_reason_and_are_not_retried()
    {
        await using var env = await StartAsync();
        env.Ecs.SetPlacementFailure("RESOURCE:CPU");
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await env.Tasks.CreateAsync(NewTask(), Ct);

        var failed = await WaitForAsync(env, o => o.Status?.Phase == TaskPhase.Failed);

        Assert.Contains("RESOURCE:CPU", Assert.Single(failed.Status!.Failures!), StringComparison.Ordinal);
        var stalled = Condition(failed, ConditionTypes.Stalled)!;
        Assert.Equal(ConditionReasons.TaskFailed, stalled.Reason);
        Assert.Contains("RESOURCE:CPU", stalled.Message, StringComparison.Ordinal);
        await Task.Delay(300, Ct);
        Assert.Equal(1, env.Ecs.Calls["ecs:RunTask"]);
    }

    /// <summary>The task and its task definition, with every RegisterTaskDefinition throttled after <paramref name="latency"/>: the task definition retries.</summary>
    private static async Task CreateWhileRegistrationIsThrottledAsync(OperatorEnvironment env, TimeSpan latency)
    {
        env.Ecs.Faults.SetLatency("RegisterTaskDefinition", latency);
        env.Ecs.Faults.ThrottleNext("RegisterTaskDefinition", 1000);
        await env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        await env.Tasks.CreateAsync(NewTask(), Ct);
    }

    private static async Task<OperatorEnvironment> StartAsync()
    {
        var env = await OperatorEnvironment.StartAsync(Ct);
        CreateEcsCluster(env);
        await env.StartOperatorAsync(Ct, FastPolling);
        return env;
    }

    private static void CreateEcsCluster(OperatorEnvironment env) =>
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = Cluster });

    private static EcsTaskDefinition NewTaskDefinition() => new()
    {
        Metadata = new ObjectMeta { Name = "job", Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            RequiresCompatibilities = ["EC2"],
            ContainerDefinitions = [new ContainerDefinition { Name = "app", Image = Image, Memory = 256 }],
        },
    };

    private static EcsTask NewTask(string? taskDefinitionRef = "job") => new()
    {
        Metadata = new ObjectMeta { Name = Name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskSpec
        {
            Cluster = Cluster,
            TaskDefinitionRef = taskDefinitionRef is null ? null : new LocalObjectReference { Name = taskDefinitionRef },
            TaskDefinition = taskDefinitionRef is null ? "job:1" : null,
            LaunchType = taskDefinitionRef is null ? null : "EC2",
            Overrides = new TaskOverride { ContainerOverrides = [new ContainerOverride { Name = "app", Command = ["migrate", "up"] }] },
        },
    };

    private static async Task EditSpecAsync(OperatorEnvironment env, Func<EcsTaskSpec, EcsTaskSpec> edit)
    {
        // The operator may write the status at the same moment: retry on the stale resourceVersion, as kubectl does.
        for (var attempt = 1; ; attempt++)
        {
            var current = await env.Tasks.GetAsync(OperatorEnvironment.Namespace, Name, Ct);
            try
            {
                await env.Tasks.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
                return;
            }
            catch (ConflictException) when (attempt < 5)
            {
            }
        }
    }

    private static Task<EcsTask> WaitForAsync(OperatorEnvironment env, Func<EcsTask, bool> condition) =>
        Waits.ForAsync(env.Tasks, Name, condition, StatusJson);

    private static Condition? Condition(EcsTask obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private static string StatusJson(EcsTask obj) => JsonSerializer.Serialize(obj.Status, ApiJsonContext.Default.EcsTaskStatus);

    private static List<string?> EventReasonsSeen(OperatorEnvironment env) =>
        env.Kube.ListObjects("events.k8s.io", "events", OperatorEnvironment.Namespace).Select(e => (string?)e["reason"]).ToList();

    /// <summary>Every task of the cluster started by <paramref name="startedBy"/>, running or stopped.</summary>
    private static List<string> TasksStartedBy(OperatorEnvironment env, string startedBy) =>
        ((string[])["RUNNING", "STOPPED"])
            .SelectMany(s => env.Ecs.Invoke("ListTasks", new JsonObject { ["cluster"] = Cluster, ["startedBy"] = startedBy, ["desiredStatus"] = s })["taskArns"]!.AsArray())
            .Select(a => (string)a!)
            .ToList();

    private static JsonObject DescribedTask(OperatorEnvironment env, string arn) =>
        env.Ecs.Invoke("DescribeTasks", new JsonObject { ["cluster"] = Cluster, ["tasks"] = new JsonArray(arn), ["include"] = new JsonArray("TAGS") })["tasks"]![0]!.AsObject();

    private static string? Tag(JsonObject resource, string key) =>
        resource["tags"]?.AsArray().FirstOrDefault(t => (string?)t!["key"] == key)?["value"]?.GetValue<string>();
}
