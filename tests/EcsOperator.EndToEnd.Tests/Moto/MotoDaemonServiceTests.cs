using System.Text.Json;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Testing.Moto;
using Xunit;
using static EcsOperator.EndToEnd.Tests.Waits;

namespace EcsOperator.EndToEnd.Tests.Moto;

/// <summary>
/// A DAEMON EcsService on the wire, against moto_server: CreateService with schedulingStrategy DAEMON and no
/// desiredCount is accepted, read back, and stays in sync across resyncs. (moto 5.2 accepts a service's
/// placementConstraints / placementStrategy but neither stores nor returns them, so they are covered by the
/// simulator's tests only.)
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class MotoDaemonServiceTests(MotoServer moto) : MotoOperatorTest(moto)
{
    private const string Cluster = "default";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = Cluster }, Ct);
    }

    [Fact]
    public async Task A_daemon_service_is_created_without_a_desired_count_and_stays_in_sync()
    {
        await StartOperatorAsync(o => o.ResyncInterval = TimeSpan.FromMilliseconds(300));
        await Env.TaskDefinitions.CreateAsync(Ec2PlacementTests.BridgeTaskDefinition("agent", "datadog/agent:7", memory: 256, networkMode: "host"), Ct);
        await Env.Services.CreateAsync(new EcsService
        {
            Metadata = new ObjectMeta { Name = "agent", Namespace = OperatorEnvironment.Namespace },
            Spec = new EcsServiceSpec
            {
                TaskDefinitionRef = new LocalObjectReference { Name = "agent" },
                LaunchType = "EC2",
                SchedulingStrategy = "DAEMON",
            },
        }, Ct);

        // moto runs no tasks: a daemon with no instances wants none, so its one COMPLETED deployment is the whole service.
        var ready = await ReadyAsync(Env.Services, "agent", o => o.Status, Describe);
        Assert.Equal(ConditionReasons.Available, ready.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Reason);
        var live = Assert.Single((await Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = Cluster, Services = ["agent"] }, Ct)).Services!);
        Assert.Equal(("DAEMON", "EC2", "ACTIVE"), (live.SchedulingStrategy, live.LaunchType, live.Status));
        Assert.Equal(live.ServiceArn, ready.Status.ServiceArn);

        // Resyncs compare moto's answer with the spec (desiredCount is ECS's for a daemon): no update, no status write.
        var reconciles = Env.ReconcileCountOf(EcsService.KindName);
        await Eventually(() => Env.ReconcileCountOf(EcsService.KindName) >= reconciles + 3, "three resyncs");
        var after = await Env.Services.GetAsync(OperatorEnvironment.Namespace, "agent", Ct);
        Assert.Equal(ready.Metadata.ResourceVersion, after.Metadata.ResourceVersion);
        Assert.DoesNotContain(after.Status!.Conditions!, c => c.Type == ConditionTypes.Drifted);
    }

    private static string Describe(EcsService o) => JsonSerializer.Serialize(o.Status, ApiJsonContext.Default.EcsServiceStatus);
}
