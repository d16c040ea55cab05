using System.Text.Json;
using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Transport;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Testing.Moto;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests.Moto;

/// <summary>The EcsTaskDefinition controller, run by the real host against moto_server.</summary>
[Collection(MotoCollection.Name)]
public sealed class MotoTaskDefinitionTests(MotoServer moto) : MotoOperatorTest(moto)
{
    private const string Family = OperatorEnvironment.Namespace + "_td_web"; // TaskDefinitionFamilies.ForTaskDefinition

    [Fact]
    public async Task Creating_registers_one_revision_tagged_with_owner_and_spec_hash()
    {
        await StartOperatorAsync();

        await Env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        var ready = await WaitReadyAsync("web");

        Assert.Equal(Family, ready.Status!.Family);
        Assert.Equal(1, ready.Status.Revision);
        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:task-definition/{Family}:1", ready.Status.TaskDefinitionArn);
        Assert.Equal([ready.Status.TaskDefinitionArn!], await ArnsAsync(TaskDefinitionStatus.Active));
        var described = await Ecs.DescribeTaskDefinitionAsync(
            new DescribeTaskDefinitionRequest { TaskDefinition = $"{Family}:1", Include = [TaskDefinitionField.Tags] }, Ct);
        var live = described.TaskDefinition!;
        Assert.Equal("nginx:1.27", Assert.Single(live.ContainerDefinitions!).Image);
        Assert.Equal(("awsvpc", "256", "512"), (live.NetworkMode, live.Cpu, live.Memory));
        Assert.Equal(["FARGATE"], live.RequiresCompatibilities!);
        Assert.Equal(80, live.ContainerDefinitions![0].PortMappings![0].ContainerPort);
        Assert.Equal(["A=1", "B=2"], live.ContainerDefinitions[0].Environment!.Select(e => $"{e.Name}={e.Value}"));
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/web", Tag(described.Tags, ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        Assert.Equal(ready.Status.SpecHash, Tag(described.Tags, ApiGroup.SpecHashTagKey));

    }

    [Fact]
    public async Task Editing_the_image_registers_revision_2_and_a_restart_registers_nothing()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await WaitReadyAsync("web");

        await EditSpecAsync("web", s => s with { ContainerDefinitions = [s.ContainerDefinitions[0] with { Image = "nginx:1.28" }] });
        var ready = await WaitReadyAsync("web");

        Assert.Equal(2, ready.Status!.Revision);
        Assert.Equal([2, 1], ready.Status.Revisions!.Select(r => r.Revision));
        var revision2 = await Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = $"{Family}:2" }, Ct);
        Assert.Equal("nginx:1.28", revision2.TaskDefinition!.ContainerDefinitions![0].Image);

        // The tags moto returns are enough for a new host to recognise both revisions as its own.
        await Env.StopOperatorAsync(Ct);
        var reconciles = Env.ReconcileCount;
        await StartOperatorAsync();
        await Eventually(() => Env.ReconcileCount > reconciles, "a reconcile by the new host");
        var after = await Env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        Assert.Equal(Essentials(ready), Essentials(after));
        Assert.Equal(2, (await ArnsAsync(TaskDefinitionStatus.Active)).Count);
    }

    [Fact]
    public async Task A_lost_status_is_recovered_from_the_tags_moto_returns()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1.27"), Ct);
        await WaitReadyAsync("web");
        await Env.StopOperatorAsync(Ct);

        var before = await Env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        await Env.TaskDefinitions.ReplaceStatusAsync(before with { Status = new EcsTaskDefinitionStatus() }, Ct);
        await StartOperatorAsync();
        var after = await WaitReadyAsync("web");

        Assert.Equal(before.Status!.TaskDefinitionArn, after.Status!.TaskDefinitionArn);
        Assert.Equal([before.Status.TaskDefinitionArn!], await ArnsAsync(TaskDefinitionStatus.Active));
    }

    [Fact]
    public async Task Deleting_deregisters_and_deletes_every_revision()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1"), Ct);
        await WaitReadyAsync("web");
        await EditSpecAsync("web", s => s with { ContainerDefinitions = [s.ContainerDefinitions[0] with { Image = "nginx:2" }] });
        await WaitReadyAsync("web");

        await Env.TaskDefinitions.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        await Eventually(async () => await Env.TaskDefinitions.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is null, "the object is gone");

        Assert.Empty(await ArnsAsync(TaskDefinitionStatus.Active));
        // moto gap: DeleteTaskDefinitions drops the revision at once, where AWS keeps it as DELETE_IN_PROGRESS
        // (listable and describable) until it is purged. So "deleted" shows in moto as neither listable under any
        // status nor describable; a revision left INACTIVE would mean the operator deregistered but never deleted it.
        Assert.Empty(await ArnsAsync(TaskDefinitionStatus.Inactive));
        Assert.Empty(await ArnsAsync(TaskDefinitionStatus.DeleteInProgress));
        foreach (var revision in new[] { 1, 2 })
        {
            var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
                Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = $"{Family}:{revision}" }, Ct));
            Assert.Equal(AwsErrorKind.NotFound, error.Kind);
        }
    }

    [Fact]
    public async Task Deletion_waits_while_a_moto_service_runs_a_revision()
    {
        await StartOperatorAsync(o => o.DeletionRecheckInterval = TimeSpan.FromMilliseconds(200));
        await Env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1"), Ct);
        await WaitReadyAsync("web");
        // The operator looks for users in the "default" cluster (OperatorOptions.UsageClusters).
        var (subnet, securityGroup) = await MotoNetwork.DefaultsAsync(Moto.Endpoint, Region, Ct);
        await Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "default" }, Ct);
        await Ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = "default",
            ServiceName = "web",
            TaskDefinition = $"{Family}:1",
            DesiredCount = 0,
            LaunchType = LaunchType.Fargate,
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [subnet], SecurityGroups = [securityGroup] },
            },
        }, Ct);

        await Env.TaskDefinitions.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        var deleting = await Waits.ForAsync(Env.TaskDefinitions, "web", o => Condition(o, ConditionTypes.Ready) is { Reason: ConditionReasons.Deleting }, StatusJson);
        Assert.Contains($"{Family}:1", Condition(deleting, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Single(await ArnsAsync(TaskDefinitionStatus.Active));

        await Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = "default", Service = "web", Force = true }, Ct);
        await Eventually(async () => await Env.TaskDefinitions.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is null, "the object is gone");
        Assert.Empty(await ArnsAsync(TaskDefinitionStatus.Active));
    }

    [Fact]
    public async Task Deleting_with_the_Retain_policy_leaves_the_revision_active()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(NewTaskDefinition("web", "nginx:1", DeletionPolicy.Retain), Ct);
        var ready = await WaitReadyAsync("web");

        await Env.TaskDefinitions.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        await Eventually(async () => await Env.TaskDefinitions.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is null, "the object is gone");

        Assert.Equal([ready.Status!.TaskDefinitionArn!], await ArnsAsync(TaskDefinitionStatus.Active));
    }

    internal static EcsTaskDefinition NewTaskDefinition(string name, string image, DeletionPolicy deletionPolicy = DeletionPolicy.Delete) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            RequiresCompatibilities = ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = "512",
            DeletionPolicy = deletionPolicy,
            ContainerDefinitions =
            [
                new ContainerDefinition
                {
                    Name = "web",
                    Image = image,
                    PortMappings = [new PortMapping { ContainerPort = 80 }],
                    Environment = [new NameValuePair { Name = "A", Value = "1" }, new NameValuePair { Name = "B", Value = "2" }],
                },
            ],
        },
    };

    private async Task<List<string>> ArnsAsync(string status) =>
        [.. await Ecs.ListAllTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = Family, Status = status }, Ct)];

    /// <summary>
    /// Read-modify-write that retries on 409, as kubectl does: moto returns no registeredAt, so a reconcile that
    /// rediscovers a revision from its tags (e.g. from a cache that has not yet seen the first status write) rewrites
    /// the history entry without it, a legitimate status write that can land between our read and our update.
    /// </summary>
    private async Task EditSpecAsync(string name, Func<EcsTaskDefinitionSpec, EcsTaskDefinitionSpec> edit)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await Env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, name, Ct);
            try
            {
                await Env.TaskDefinitions.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
                return;
            }
            catch (ConflictException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>
    /// The status without registeredAt. moto gap: task definitions carry no registeredAt, so the operator records the
    /// time it registered a revision, and has nothing to record for a revision it rediscovers from tags.
    /// </summary>
    private static string Essentials(EcsTaskDefinition obj) =>
        StatusJson(obj with { Status = obj.Status! with { Revisions = [.. obj.Status.Revisions!.Select(r => r with { RegisteredAt = null })] } });

    private static Condition? Condition(EcsTaskDefinition obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);

    private Task<EcsTaskDefinition> WaitReadyAsync(string name) => Waits.ReadyAsync(Env.TaskDefinitions, name, o => o.Status, StatusJson);

    private static string StatusJson(EcsTaskDefinition obj) => JsonSerializer.Serialize(obj.Status, ApiJsonContext.Default.EcsTaskDefinitionStatus);

    private static string? Tag(IReadOnlyList<Tag>? tags, string key) => tags?.FirstOrDefault(t => t.Key == key)?.Value;
}
