using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Testing.Moto;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests.Moto;

/// <summary>The EcsTask controller, run by the real host against moto_server.</summary>
[Collection(MotoCollection.Name)]
public sealed class MotoTaskTests(MotoServer moto) : MotoOperatorTest(moto)
{
    private const string Cluster = "jobs";
    private const string Name = "migrate";
    private NetworkConfiguration _network = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var (subnet, securityGroup) = await MotoNetwork.DefaultsAsync(Moto.Endpoint, Region, Ct);
        _network = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [subnet], SecurityGroups = [securityGroup] } };
        await Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = Cluster }, Ct);
    }

    [Fact]
    public async Task RunTask_records_the_task_ARN_and_moto_reporting_it_STOPPED_with_exit_code_0_is_Succeeded()
    {
        await StartOperatorAsync(o => o.TaskPollInterval = TimeSpan.FromMilliseconds(100));
        await Env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        var created = await Env.Tasks.CreateAsync(NewTask(), Ct);

        // moto gap: a task has no lifecycle. By default it reads as STOPPED from the first DescribeTasks (desiredStatus
        // still RUNNING), with no stopCode, startedAt or stoppedAt, and its one container PENDING with exit code 0.
        // So all moto can show is that the run was started once and read back: Succeeded with exit code 0.
        var done = await Waits.ReadyAsync(Env.Tasks, Name, o => o.Status, StatusJson);
        var status = done.Status!;
        var arn = Assert.Single(status.TaskArns!);
        Assert.Equal([arn], await StartedByAsync(created.Metadata.Uid!));
        Assert.Equal((TaskPhase.Succeeded, 0), (status.Phase, status.ExitCode));
        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:cluster/{Cluster}", status.ClusterArn);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:task-definition/shop_td_job:1", status.TaskDefinitionArn);
        var run = Assert.Single(status.Tasks!);
        Assert.Equal((arn, "STOPPED"), (run.TaskArn, run.LastStatus));
        Assert.Equal(("web", 0), (Assert.Single(run.Containers!).Name, run.Containers![0].ExitCode));
        Assert.Null(Condition(done, ConditionTypes.Stalled));

        var live = await DescribeAsync(arn);
        Assert.Equal(created.Metadata.Uid, live.StartedBy);
        Assert.Equal("FARGATE", live.LaunchType);
        Assert.Equal(["migrate", "up"], Assert.Single(live.Overrides!.ContainerOverrides!).Command!);
        Assert.Contains(live.Attachments![0].Details!, d => d.Name == "subnetId" && d.Value == _network.AwsvpcConfiguration!.Subnets![0]);
        Assert.Equal("data", Tag(live, "team"));
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/{Name}", Tag(live, ApiGroup.OwnerTagKey), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wiped_status_finds_the_task_in_moto_by_startedBy_and_owner_tag_instead_of_running_it_again()
    {
        await StartOperatorAsync(o => o.TaskPollInterval = TimeSpan.FromMilliseconds(100));
        await Env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
        var created = await Env.Tasks.CreateAsync(NewTask(), Ct);
        var first = await Waits.ForAsync(Env.Tasks, Name, o => o.Status?.Phase == TaskPhase.Succeeded, StatusJson);

        await Env.StopOperatorAsync(Ct);
        var current = await Env.Tasks.GetAsync(OperatorEnvironment.Namespace, Name, Ct);
        await Env.Tasks.ReplaceStatusAsync(current with { Status = new EcsTaskStatus() }, Ct);
        await StartOperatorAsync(o => o.TaskPollInterval = TimeSpan.FromMilliseconds(100));

        var found = await Waits.ForAsync(Env.Tasks, Name, o => o.Status?.Phase == TaskPhase.Succeeded, StatusJson);
        Assert.Equal(first.Status!.TaskArns, found.Status!.TaskArns);
        Assert.Single(await StartedByAsync(created.Metadata.Uid!));
    }

    [Fact]
    public async Task Deleting_a_running_task_stops_it_in_moto_with_a_reason()
    {
        // Hold moto's tasks in RUNNING (its state manager otherwise reports them STOPPED at once).
        await SetTaskTransitionAsync(new JsonObject { ["progression"] = "manual", ["times"] = 1_000_000 });
        try
        {
            await StartOperatorAsync(o => o.TaskPollInterval = TimeSpan.FromMilliseconds(100));
            await Env.TaskDefinitions.CreateAsync(NewTaskDefinition(), Ct);
            await Env.Tasks.CreateAsync(NewTask(), Ct);
            var running = await Waits.ForAsync(Env.Tasks, Name, o => o.Status?.Phase == TaskPhase.Running, StatusJson);
            Assert.Equal(ConditionReasons.Creating, Condition(running, ConditionTypes.Reconciling)!.Reason);

            await Env.Tasks.DeleteAsync(OperatorEnvironment.Namespace, Name, cancellationToken: Ct);
            await Eventually(async () => await Env.Tasks.TryGetAsync(OperatorEnvironment.Namespace, Name, Ct) is null, "the object deleted");

            var task = await DescribeAsync(Assert.Single(running.Status!.TaskArns!));
            Assert.Equal(("STOPPED", "STOPPED"), (task.LastStatus, task.DesiredStatus));
            Assert.Contains($"EcsTask {OperatorEnvironment.Namespace}/{Name} was deleted", task.StoppedReason, StringComparison.Ordinal);
        }
        finally
        {
            await SetTaskTransitionAsync(null);
        }
    }

    /// <summary>moto's state manager for ecs::task: a transition, or null for its default (reset does not undo it).</summary>
    private async Task SetTaskTransitionAsync(JsonObject? transition)
    {
        using var http = new HttpClient();
        var body = new JsonObject { ["model_name"] = "ecs::task" };
        if (transition is not null)
            body["transition"] = transition;
        var path = transition is null ? "moto-api/state-manager/unset-transition" : "moto-api/state-manager/set-transition";
        using var content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(Moto.Endpoint, path), content, CancellationToken.None);
        response.EnsureSuccessStatusCode();
    }

    private async Task<List<string>> StartedByAsync(string startedBy)
    {
        var arns = new List<string>();
        foreach (var desiredStatus in new[] { "RUNNING", "STOPPED" })
            arns.AddRange(await Ecs.ListAllTasksAsync(new ListTasksRequest { Cluster = Cluster, StartedBy = startedBy, DesiredStatus = desiredStatus }, Ct));
        return [.. arns.Distinct(StringComparer.Ordinal)];
    }

    private async Task<TaskDescription> DescribeAsync(string arn)
    {
        var described = await Ecs.DescribeAllTasksAsync(new DescribeTasksRequest { Cluster = Cluster, Tasks = [arn], Include = [TaskField.Tags] }, Ct);
        return Assert.Single(described.Tasks!);
    }

    private static string? Tag(TaskDescription task, string key) => task.Tags?.FirstOrDefault(t => t.Key == key)?.Value;

    /// <summary>
    /// moto gap: RunTask fails with HTTP 500 (a Python TypeError) unless every container sets its own memory; AWS
    /// accepts Fargate containers with only the task-level cpu and memory. So the task definition sets it.
    /// </summary>
    private static EcsTaskDefinition NewTaskDefinition()
    {
        var td = MotoTaskDefinitionTests.NewTaskDefinition("job", "repo/job:1");
        return td with { Spec = td.Spec with { ContainerDefinitions = [td.Spec.ContainerDefinitions[0] with { Memory = 512 }] } };
    }

    private EcsTask NewTask() => new()
    {
        Metadata = new ObjectMeta { Name = Name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskSpec
        {
            Cluster = Cluster,
            TaskDefinitionRef = new LocalObjectReference { Name = "job" },
            LaunchType = "FARGATE",
            NetworkConfiguration = _network,
            Overrides = new TaskOverride { ContainerOverrides = [new ContainerOverride { Name = "web", Command = ["migrate", "up"] }] },
            Tags = [new Tag { Key = "team", Value = "data" }],
        },
    };

    private static string StatusJson(EcsTask obj) => JsonSerializer.Serialize(obj.Status, ApiJsonContext.Default.EcsTaskStatus);

    private static Condition? Condition(EcsTask obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);
}
