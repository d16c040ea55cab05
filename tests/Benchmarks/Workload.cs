using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Benchmarks;

/// <summary>
/// The objects of one benchmark: service i runs its own task definition i (one Fargate container, one task), so the
/// operator and the raw sequence do the same AWS work.
/// </summary>
public static class Workload
{
    public const string Namespace = "bench";
    public const string Subnet = "subnet-0a1b2c3d";
    public const string SecurityGroup = "sg-0a1b2c3d";

    public static string Name(int i) => $"svc-{i:D5}";

    public static ContainerDefinition Container(int i) => new()
    {
        Name = "web",
        Image = $"registry.example/web:{i}",
        PortMappings = [new PortMapping { ContainerPort = 80 }],
    };

    public static NetworkConfiguration Network { get; } = new()
    {
        AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [Subnet], SecurityGroups = [SecurityGroup] },
    };

    public static EcsTaskDefinition TaskDefinition(int i) => new()
    {
        Metadata = new ObjectMeta { Name = Name(i), Namespace = Namespace },
        Spec = new EcsTaskDefinitionSpec
        {
            RequiresCompatibilities = ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = "512",
            ContainerDefinitions = [Container(i)],
        },
    };

    public static EcsService Service(int i) => new()
    {
        Metadata = new ObjectMeta { Name = Name(i), Namespace = Namespace },
        Spec = new EcsServiceSpec
        {
            TaskDefinitionRef = new LocalObjectReference { Name = Name(i) },
            DesiredCount = 1,
            LaunchType = "FARGATE",
            NetworkConfiguration = Network,
        },
    };

    /// <summary>The raw sequence's RegisterTaskDefinition for service i (what the operator registers, minus its tags).</summary>
    public static RegisterTaskDefinitionRequest RawTaskDefinition(int i) => new()
    {
        Family = $"{Namespace}-{Name(i)}-raw",
        RequiresCompatibilities = ["FARGATE"],
        NetworkMode = "awsvpc",
        Cpu = "256",
        Memory = "512",
        ContainerDefinitions = [Container(i)],
    };

    public static CreateServiceRequest RawService(int i, string taskDefinitionArn) => new()
    {
        ServiceName = Name(i) + "-raw",
        TaskDefinition = taskDefinitionArn,
        DesiredCount = 1,
        LaunchType = "FARGATE",
        NetworkConfiguration = Network,
        ClientToken = Guid.NewGuid().ToString(),
    };
}
