using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Ecs;

/// <summary>
/// The Amazon ECS operations the operator calls, each with the client-side rate-limit family it draws from:
/// Describe and List operations are reads, RunTask has its own bucket, everything else mutates.
/// </summary>
public static class EcsOperations
{
    public static readonly AwsOperation CreateCluster = Mutate(nameof(CreateCluster));
    public static readonly AwsOperation DescribeClusters = Read(nameof(DescribeClusters));
    public static readonly AwsOperation UpdateCluster = Mutate(nameof(UpdateCluster));
    public static readonly AwsOperation DeleteCluster = Mutate(nameof(DeleteCluster));
    public static readonly AwsOperation PutClusterCapacityProviders = Mutate(nameof(PutClusterCapacityProviders));
    public static readonly AwsOperation RegisterTaskDefinition = Mutate(nameof(RegisterTaskDefinition)) with { Idempotent = false };
    public static readonly AwsOperation DescribeTaskDefinition = Read(nameof(DescribeTaskDefinition));
    public static readonly AwsOperation ListTaskDefinitions = Read(nameof(ListTaskDefinitions));
    public static readonly AwsOperation ListTaskDefinitionFamilies = Read(nameof(ListTaskDefinitionFamilies));
    public static readonly AwsOperation DeregisterTaskDefinition = Mutate(nameof(DeregisterTaskDefinition));
    public static readonly AwsOperation DeleteTaskDefinitions = Mutate(nameof(DeleteTaskDefinitions));
    public static readonly AwsOperation CreateService = Mutate(nameof(CreateService));
    public static readonly AwsOperation DescribeServices = Read(nameof(DescribeServices));
    public static readonly AwsOperation UpdateService = Mutate(nameof(UpdateService));
    public static readonly AwsOperation DeleteService = Mutate(nameof(DeleteService));
    public static readonly AwsOperation ListServices = Read(nameof(ListServices));
    public static readonly AwsOperation ListServiceDeployments = Read(nameof(ListServiceDeployments));
    public static readonly AwsOperation DescribeServiceDeployments = Read(nameof(DescribeServiceDeployments));
    public static readonly AwsOperation RunTask = RunTaskFamily(nameof(RunTask));
    public static readonly AwsOperation DescribeTasks = Read(nameof(DescribeTasks));
    public static readonly AwsOperation StopTask = Mutate(nameof(StopTask));
    public static readonly AwsOperation ListTasks = Read(nameof(ListTasks));
    public static readonly AwsOperation TagResource = Mutate(nameof(TagResource));
    public static readonly AwsOperation ListTagsForResource = Read(nameof(ListTagsForResource));
    public static readonly AwsOperation StopServiceDeployment = Mutate(nameof(StopServiceDeployment));
    public static readonly AwsOperation CreateCapacityProvider = Mutate(nameof(CreateCapacityProvider));
    public static readonly AwsOperation UpdateCapacityProvider = Mutate(nameof(UpdateCapacityProvider));
    public static readonly AwsOperation DeleteCapacityProvider = Mutate(nameof(DeleteCapacityProvider));
    public static readonly AwsOperation DescribeCapacityProviders = Read(nameof(DescribeCapacityProviders));

    /// <summary>Every operation above, in declaration order.</summary>
    public static readonly IReadOnlyList<AwsOperation> All =
    [
        CreateCluster,
        DescribeClusters,
        UpdateCluster,
        DeleteCluster,
        PutClusterCapacityProviders,
        RegisterTaskDefinition,
        DescribeTaskDefinition,
        ListTaskDefinitions,
        ListTaskDefinitionFamilies,
        DeregisterTaskDefinition,
        DeleteTaskDefinitions,
        CreateService,
        DescribeServices,
        UpdateService,
        DeleteService,
        ListServices,
        ListServiceDeployments,
        DescribeServiceDeployments,
        RunTask,
        DescribeTasks,
        StopTask,
        ListTasks,
        TagResource,
        ListTagsForResource,
        StopServiceDeployment,
        CreateCapacityProvider,
        UpdateCapacityProvider,
        DeleteCapacityProvider,
        DescribeCapacityProviders,
    ];

    private static AwsOperation Mutate(string name) => new(AwsService.Ecs, name, OperationFamily.Mutate);

    private static AwsOperation Read(string name) => new(AwsService.Ecs, name, OperationFamily.Read);

    private static AwsOperation RunTaskFamily(string name) => new(AwsService.Ecs, name, OperationFamily.RunTask);
}
