using System.Text.Json;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Testing.Moto;
using Xunit;
using Aas = EcsOperator.Aws.Model.ApplicationAutoScaling;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests.Moto;

/// <summary>The EcsService controller, run by the real host against moto_server.</summary>
[Collection(MotoCollection.Name)]
public sealed class MotoServiceTests(MotoServer moto) : MotoOperatorTest(moto)
{
    private const string Cluster = "default";
    private const string Family = OperatorEnvironment.Namespace + "_td_web"; // TaskDefinitionFamilies.ForTaskDefinition
    private NetworkConfiguration _network = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // moto checks the awsvpc subnets and security groups against its EC2: only its defaults exist.
        var (subnet, securityGroup) = await MotoNetwork.DefaultsAsync(Moto.Endpoint, Region, Ct);
        _network = new NetworkConfiguration
        {
            AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [subnet], SecurityGroups = [securityGroup], AssignPublicIp = AssignPublicIp.Disabled },
        };
        await Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = Cluster }, Ct);
    }

    [Fact]
    public async Task Creating_creates_the_service_and_it_is_Ready_once_moto_reports_the_deployment_COMPLETED()
    {
        await StartOperatorAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        await Env.Services.CreateAsync(NewService("web", desiredCount: 0), Ct);

        // Ready on moto: its one PRIMARY deployment of the wanted revision is COMPLETED and runningCount equals
        // desiredCount. moto never starts tasks, so only a service that wants none gets there at creation.
        var ready = await WaitReadyAsync("web");
        var status = ready.Status!;
        Assert.Equal(ConditionReasons.Available, Condition(ready, ConditionTypes.Ready)!.Reason);
        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:service/{Cluster}/web", status.ServiceArn);
        Assert.Equal((Cluster, "web"), (status.ClusterName, status.ServiceName));
        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:task-definition/{Family}:1", status.TaskDefinitionArn);
        Assert.Equal("COMPLETED", status.Rollout!.State);
        var deployment = Assert.Single(status.Deployments!);
        Assert.Equal(("PRIMARY", status.Rollout.DeploymentId), (deployment.Status, deployment.Id));

        var live = await DescribeAsync("web");
        Assert.Equal(status.ServiceArn, live.ServiceArn);
        Assert.Equal(status.TaskDefinitionArn, live.TaskDefinition);
        Assert.Equal(("ACTIVE", "FARGATE", 0), (live.Status, live.LaunchType, live.DesiredCount));
        Assert.Equal(_network.AwsvpcConfiguration!.Subnets, live.NetworkConfiguration!.AwsvpcConfiguration!.Subnets!);
        Assert.Equal(_network.AwsvpcConfiguration.SecurityGroups!, live.NetworkConfiguration.AwsvpcConfiguration.SecurityGroups!);
        Assert.Equal("checkout", Tag(live, "team"));
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/web", Tag(live, ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        await Eventually(() => EventReasonsSeen().Contains(EventReasons.RolloutCompleted), "a RolloutCompleted event");

        // Resyncs read moto's answer back and compare it with the spec: no update, no status write.
        var reconciles = Env.ReconcileCountOf(EcsService.KindName);
        await Eventually(() => Env.ReconcileCountOf(EcsService.KindName) >= reconciles + 3, "three resyncs");
        var after = await Env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        Assert.Equal(ready.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Null(Condition(after, ConditionTypes.Drifted));
    }

    [Fact]
    public async Task A_deployment_configuration_moto_drops_at_creation_is_set_by_one_UpdateService_and_then_stays_in_sync()
    {
        await StartOperatorAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        var service = NewService("web", desiredCount: 0);
        await Env.Services.CreateAsync(service with
        {
            Spec = service.Spec with
            {
                DeploymentConfiguration = new DeploymentConfiguration
                {
                    MinimumHealthyPercent = 50,
                    DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
                },
            },
        }, Ct);

        // moto gap: CreateService ignores deploymentConfiguration (DescribeServices returns none); only
        // UpdateService stores it. The operator sees the difference on its next look and sends it once; what moto
        // then returns must read back as equal to the spec, nested circuit breaker included.
        var corrected = await WaitForAsync("web", o => Condition(o, ConditionTypes.Drifted) is { Status: ConditionStatus.False, Reason: ConditionReasons.DriftCorrected });
        var live = (await DescribeAsync("web")).DeploymentConfiguration!;
        Assert.Equal(50, live.MinimumHealthyPercent);
        Assert.Equal((true, true), (live.DeploymentCircuitBreaker!.Enable, live.DeploymentCircuitBreaker.Rollback));
        Assert.Contains(EventReasons.DriftCorrected, EventReasonsSeen());

        var settled = await WaitReadyAsync("web");
        var reconciles = Env.ReconcileCountOf(EcsService.KindName);
        await Eventually(() => Env.ReconcileCountOf(EcsService.KindName) >= reconciles + 3, "three resyncs");
        var after = await Env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        Assert.Equal(settled.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.Equal(corrected.Status!.ServiceArn, after.Status!.ServiceArn);
    }

    [Fact]
    public async Task A_service_that_wants_tasks_stays_RolloutInProgress_because_moto_never_starts_them()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        await Env.Services.CreateAsync(NewService("web", desiredCount: 2), Ct);

        // moto gap: tasks are never started; the deployment stays IN_PROGRESS with 2 pending for ever (unless
        // moto_server runs with MOTO_ECS_SERVICE_RUNNING). The operator must say so instead of claiming Ready.
        var rolling = await WaitForAsync("web", o => Condition(o, ConditionTypes.Reconciling) is { Reason: ConditionReasons.RolloutInProgress });
        var ready = Condition(rolling, ConditionTypes.Ready)!;
        Assert.Equal((ConditionStatus.False, ConditionReasons.RolloutInProgress), (ready.Status, ready.Reason));
        Assert.Contains("0 of 2 tasks running, 2 pending", ready.Message, StringComparison.Ordinal);
        Assert.Null(Condition(rolling, ConditionTypes.Stalled));
        Assert.Equal(("IN_PROGRESS", 2, 0), (rolling.Status!.Rollout!.State, rolling.Status.DesiredCount, rolling.Status.RunningCount));
        Assert.Equal(2, (await DescribeAsync("web")).DesiredCount);
    }

    [Fact]
    public async Task Scaling_sends_the_new_desired_count_and_moto_reports_it_running()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        await Env.Services.CreateAsync(NewService("web", desiredCount: 0), Ct);
        await WaitReadyAsync("web");

        await EditSpecAsync("web", s => s with { DesiredCount = 3 });

        // moto's UpdateService sets runningCount to the new desiredCount at once (the deployment keeps its counts).
        var ready = await WaitReadyAsync("web");
        Assert.Equal((3, 3), (ready.Status!.DesiredCount, ready.Status.RunningCount));
        var live = await DescribeAsync("web");
        Assert.Equal((3, 3), (live.DesiredCount, live.RunningCount));
        Assert.Null(Condition(ready, ConditionTypes.Drifted));
    }

    [Fact]
    public async Task A_new_image_in_the_referenced_task_definition_sends_UpdateService_but_moto_never_deploys_it()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        await Env.Services.CreateAsync(NewService("web", desiredCount: 0), Ct);
        await WaitReadyAsync("web");

        var td = await Env.TaskDefinitions.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        await Env.TaskDefinitions.ReplaceAsync(td with { Spec = td.Spec with { ContainerDefinitions = [td.Spec.ContainerDefinitions[0] with { Image = "nginx:2" }] } }, Ct);

        var revision2 = $"arn:aws:ecs:us-east-1:123456789012:task-definition/{Family}:2";
        await Eventually(async () => (await DescribeAsync("web")).TaskDefinition == revision2, "UpdateService with revision 2 in moto");
        // moto gap: UpdateService changes the service's taskDefinition but starts no deployment: the PRIMARY one
        // still runs revision 1 and stays COMPLETED. On AWS a new PRIMARY deployment of revision 2 would roll out;
        // here the operator must keep Ready=False and name the revision that is not deployed.
        var waiting = await WaitForAsync("web", o => o.Status?.TaskDefinitionArn == revision2
            && Condition(o, ConditionTypes.Ready) is { Status: ConditionStatus.False, Reason: ConditionReasons.Pending });
        Assert.Contains($"{Family}:2 not deployed yet", Condition(waiting, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Equal(ConditionReasons.Updating, Condition(waiting, ConditionTypes.Reconciling)!.Reason);
        Assert.EndsWith($"{Family}:1", Assert.Single((await DescribeAsync("web")).Deployments!).TaskDefinition, StringComparison.Ordinal);
        Assert.Contains(EventReasons.RolloutStarted, EventReasonsSeen());
    }

    [Fact]
    public async Task A_desired_count_changed_in_moto_is_set_back()
    {
        await StartOperatorAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        await Env.Services.CreateAsync(NewService("web", desiredCount: 0), Ct);
        await WaitReadyAsync("web");

        await Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = Cluster, Service = "web", DesiredCount = 5 }, Ct);

        var settled = await WaitForAsync("web", o => Condition(o, ConditionTypes.Drifted) is { Status: ConditionStatus.False });
        Assert.Equal(ConditionReasons.DriftCorrected, Condition(settled, ConditionTypes.Drifted)!.Reason);
        Assert.Equal(0, (await DescribeAsync("web")).DesiredCount);
    }

    [Fact]
    public async Task Autoscaling_registers_changes_and_removes_the_target_policies_and_schedule_in_moto()
    {
        await StartOperatorAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        var service = NewService("web", desiredCount: 0);
        await Env.Services.CreateAsync(service with { Spec = service.Spec with { AutoScaling = ServiceAutoScalingTests.Scaling(min: 0, max: 4) } }, Ct);

        var scaled = await WaitForAsync("web", o => IsReady(o) && o.Status!.AutoScaling is { PolicyArns.Count: 2, ScheduledActionArns.Count: 1 });
        var target = Assert.Single(await ScalableTargetsAsync());
        Assert.Equal((0, 4), (target.MinCapacity, target.MaxCapacity));
        Assert.Equal("ecs:service:DesiredCount", target.ScalableDimension);
        Assert.Equal(target.ScalableTargetARN, scaled.Status!.AutoScaling!.ScalableTargetArn);
        // moto gap: Application Auto Scaling TagResource and ListTagsForResource are not implemented (HTTP 500).
        // The owner tag rides on RegisterScalableTarget; MotoShim remembers it and answers the tag calls.
        var tags = (await AutoScaling.ListTagsForResourceAsync(new Aas.ListTagsForResourceRequest { ResourceARN = target.ScalableTargetARN }, Ct)).Tags!;
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/web", tags[ApiGroup.OwnerTagKey], StringComparison.Ordinal);
        var policies = await PoliciesAsync();
        Assert.Equal(["cpu", "memory"], policies.Select(p => p.PolicyName).Order(StringComparer.Ordinal));
        Assert.Equal(scaled.Status.AutoScaling.PolicyArns!.Order(StringComparer.Ordinal), policies.Select(p => p.PolicyARN).Order(StringComparer.Ordinal));
        var cpu = policies.Single(p => p.PolicyName == "cpu").TargetTrackingScalingPolicyConfiguration!;
        Assert.Equal((50.0, "ECSServiceAverageCPUUtilization"), (cpu.TargetValue, cpu.PredefinedMetricSpecification!.PredefinedMetricType));
        var schedule = Assert.Single((await AutoScaling.DescribeScheduledActionsAsync(
            new Aas.DescribeScheduledActionsRequest { ServiceNamespace = Aas.ServiceNamespace.Ecs, ResourceId = ResourceId }, Ct)).ScheduledActions!);
        Assert.Equal(("nightly", "cron(0 22 * * ? *)"), (schedule.ScheduledActionName, schedule.Schedule));
        Assert.Equal((1, 2), (schedule.ScalableTargetAction!.MinCapacity, schedule.ScalableTargetAction.MaxCapacity));

        // What moto returns reads back as in sync: once settled, resyncs write nothing.
        var reconciles = Env.ReconcileCountOf(EcsService.KindName);
        await Eventually(() => Env.ReconcileCountOf(EcsService.KindName) >= reconciles + 3, "three resyncs");
        var settled = await Env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        reconciles = Env.ReconcileCountOf(EcsService.KindName);
        await Eventually(() => Env.ReconcileCountOf(EcsService.KindName) >= reconciles + 3, "three more resyncs");
        var after = await Env.Services.GetAsync(OperatorEnvironment.Namespace, "web", Ct);
        Assert.Equal(settled.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.True(IsReady(after), Describe(after));
        Assert.Null(Condition(after, ConditionTypes.Drifted));
        Assert.Equal(scaled.Status.AutoScaling.PolicyArns, after.Status!.AutoScaling!.PolicyArns);

        // Changed: the new range and target value land in moto.
        await EditSpecAsync("web", s => s with { AutoScaling = ServiceAutoScalingTests.Scaling(min: 0, max: 6, cpuTarget: 65) });
        await WaitForAsync("web", o => IsReady(o) && o.Status!.AutoScaling?.MaxCapacity == 6);
        Assert.Equal(6, Assert.Single(await ScalableTargetsAsync()).MaxCapacity);
        Assert.Equal(65.0, (await PoliciesAsync()).Single(p => p.PolicyName == "cpu").TargetTrackingScalingPolicyConfiguration!.TargetValue);

        // Removed: moto has no target and no policies left; the service stays.
        await EditSpecAsync("web", s => s with { AutoScaling = null });
        await WaitForAsync("web", o => IsReady(o) && o.Status!.AutoScaling is null);
        Assert.Empty(await ScalableTargetsAsync());
        Assert.Empty(await PoliciesAsync());
        Assert.Equal("ACTIVE", (await DescribeAsync("web")).Status);
    }

    [Fact]
    public async Task Deleting_a_service_with_autoscaling_removes_the_target_and_the_service()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        var service = NewService("web", desiredCount: 0);
        await Env.Services.CreateAsync(service with { Spec = service.Spec with { AutoScaling = ServiceAutoScalingTests.Scaling(min: 0, max: 4) } }, Ct);
        await WaitForAsync("web", o => IsReady(o) && o.Status!.AutoScaling is { PolicyArns.Count: 2 });

        await Env.Services.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        await Eventually(async () => await Env.Services.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is null, "the object is gone");

        Assert.Empty(await ScalableTargetsAsync());
        Assert.Empty(await PoliciesAsync());
        Assert.Equal("INACTIVE", (await DescribeAsync("web")).Status);
    }

    [Fact]
    public async Task An_untagged_service_in_moto_is_NotOwned_until_adoptionPolicy_Adopt_tags_it()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        await Waits.ReadyAsync(Env.TaskDefinitions, "web", o => o.Status, o => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsTaskDefinitionStatus));
        await Ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = Cluster,
            ServiceName = "web",
            TaskDefinition = $"{Family}:1",
            DesiredCount = 0,
            LaunchType = LaunchType.Fargate,
            NetworkConfiguration = _network,
            Tags = [new Tag { Key = "team", Value = "checkout" }],
        }, Ct);

        await Env.Services.CreateAsync(NewService("web", desiredCount: 0), Ct);
        var stalled = await WaitForAsync("web", o => Condition(o, ConditionTypes.Stalled) is { Status: ConditionStatus.True });
        Assert.Equal(ConditionReasons.NotOwned, Condition(stalled, ConditionTypes.Stalled)!.Reason);
        Assert.Null(Tag(await DescribeAsync("web"), ApiGroup.OwnerTagKey));

        await EditSpecAsync("web", s => s with { AdoptionPolicy = AdoptionPolicy.Adopt });
        var ready = await WaitReadyAsync("web");

        var live = await DescribeAsync("web");
        Assert.EndsWith($"/{OperatorEnvironment.Namespace}/web", Tag(live, ApiGroup.OwnerTagKey), StringComparison.Ordinal);
        Assert.Equal("checkout", Tag(live, "team"));
        Assert.Equal(live.ServiceArn, ready.Status!.ServiceArn);
        Assert.Null(Condition(ready, ConditionTypes.Stalled));
    }

    [Fact]
    public async Task Deleting_deletes_the_service_in_moto()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        await Env.Services.CreateAsync(NewService("web", desiredCount: 0), Ct);
        await WaitReadyAsync("web");

        await Env.Services.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        await Eventually(async () => await Env.Services.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is null, "the object is gone");

        // moto gap: a deleted service goes straight to INACTIVE (no DRAINING) and stays in ListServices.
        Assert.Equal("INACTIVE", (await DescribeAsync("web")).Status);
    }

    [Fact]
    public async Task Deleting_with_the_Retain_policy_leaves_the_service_ACTIVE()
    {
        await StartOperatorAsync();
        await Env.TaskDefinitions.CreateAsync(MotoTaskDefinitionTests.NewTaskDefinition("web", "nginx:1"), Ct);
        await Env.Services.CreateAsync(NewService("web", desiredCount: 0) with { Spec = NewService("web", 0).Spec with { DeletionPolicy = DeletionPolicy.Retain } }, Ct);
        await WaitReadyAsync("web");

        await Env.Services.DeleteAsync(OperatorEnvironment.Namespace, "web", cancellationToken: Ct);
        await Eventually(async () => await Env.Services.TryGetAsync(OperatorEnvironment.Namespace, "web", Ct) is null, "the object is gone");

        Assert.Equal("ACTIVE", (await DescribeAsync("web")).Status);
    }

    private EcsService NewService(string name, int desiredCount) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
        Spec = new EcsServiceSpec
        {
            TaskDefinitionRef = new LocalObjectReference { Name = "web" },
            Cluster = Cluster,
            DesiredCount = desiredCount,
            LaunchType = "FARGATE",
            NetworkConfiguration = _network,
            Tags = [new Tag { Key = "team", Value = "checkout" }],
        },
    };

    private const string ResourceId = $"service/{Cluster}/web";

    private async Task<IReadOnlyList<Aas.ScalableTarget>> ScalableTargetsAsync() =>
        (await AutoScaling.DescribeScalableTargetsAsync(new Aas.DescribeScalableTargetsRequest { ServiceNamespace = Aas.ServiceNamespace.Ecs, ResourceIds = [ResourceId] }, Ct)).ScalableTargets ?? [];

    private async Task<IReadOnlyList<Aas.ScalingPolicy>> PoliciesAsync() =>
        (await AutoScaling.DescribeScalingPoliciesAsync(new Aas.DescribeScalingPoliciesRequest { ServiceNamespace = Aas.ServiceNamespace.Ecs, ResourceId = ResourceId }, Ct)).ScalingPolicies ?? [];

    private static bool IsReady(EcsService o) =>
        o.Status is { } s && s.ObservedGeneration == o.Metadata.Generation
        && Condition(o, ConditionTypes.Ready) is { Status: ConditionStatus.True } ready && ready.ObservedGeneration == o.Metadata.Generation;

    private async Task<Service> DescribeAsync(string name)
    {
        var described = await Ecs.DescribeAllServicesAsync(new DescribeServicesRequest { Cluster = Cluster, Services = [name], Include = [ServiceField.Tags] }, Ct);
        return described.Find(name) ?? throw new InvalidOperationException($"moto has no service {name}");
    }

    /// <summary>Read-modify-write retrying on 409, as kubectl does.</summary>
    private async Task EditSpecAsync(string name, Func<EcsServiceSpec, EcsServiceSpec> edit)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await Env.Services.GetAsync(OperatorEnvironment.Namespace, name, Ct);
            try
            {
                await Env.Services.ReplaceAsync(current with { Spec = edit(current.Spec) }, Ct);
                return;
            }
            catch (ConflictException) when (attempt < 5)
            {
            }
        }
    }

    private Task<EcsService> WaitReadyAsync(string name) => Waits.ReadyAsync(Env.Services, name, o => o.Status, Describe);

    private Task<EcsService> WaitForAsync(string name, Func<EcsService, bool> condition) => Waits.ForAsync(Env.Services, name, condition, Describe);

    private List<string?> EventReasonsSeen() =>
        Env.Kube.ListObjects("events.k8s.io", "events", OperatorEnvironment.Namespace).Select(e => (string?)e["reason"]).ToList();

    private static string? Tag(Service service, string key) => service.Tags?.FirstOrDefault(t => t.Key == key)?.Value;

    private static string Describe(EcsService o) => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsServiceStatus);

    private static Condition? Condition(EcsService obj, string type) => obj.Status?.Conditions?.FirstOrDefault(c => c.Type == type);
}
