using EcsOperator.Aws.Transport;
using EcsOperator.Testing.Moto;
using Xunit;

namespace EcsOperator.Aws.Tests.Transport;

[Collection(MotoCollection.Name)]
public sealed class MotoTransportTests(MotoServer moto) : IAsyncLifetime
{
    private static readonly AwsOperation CreateCluster = new(AwsService.Ecs, "CreateCluster", OperationFamily.Mutate);
    private static readonly AwsOperation ListClusters = new(AwsService.Ecs, "ListClusters", OperationFamily.Read);
    private static readonly AwsOperation DescribeServices = new(AwsService.Ecs, "DescribeServices", OperationFamily.Read);
    private static readonly AwsOperation DescribeTaskDefinition = new(AwsService.Ecs, "DescribeTaskDefinition", OperationFamily.Read);
    private static readonly AwsOperation DeleteCluster = new(AwsService.Ecs, "DeleteCluster", OperationFamily.Mutate);
    private static readonly AwsOperation RegisterTaskDefinition = new(AwsService.Ecs, "RegisterTaskDefinition", OperationFamily.Mutate);
    private static readonly AwsOperation CreateService = new(AwsService.Ecs, "CreateService", OperationFamily.Mutate);
    private static readonly AwsOperation RegisterScalableTarget =
        new(AwsService.ApplicationAutoScaling, "RegisterScalableTarget", OperationFamily.Mutate);
    private static readonly AwsOperation DescribeScalableTargets =
        new(AwsService.ApplicationAutoScaling, "DescribeScalableTargets", OperationFamily.Read);
    private static readonly AwsOperation DeleteScalingPolicy =
        new(AwsService.ApplicationAutoScaling, "DeleteScalingPolicy", OperationFamily.Mutate);

    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync() => await moto.ResetAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private AwsJsonTransport CreateTransport() => new(
        _http,
        new AwsClientOptions
        {
            Region = "eu-west-1",
            EcsEndpoint = moto.Endpoint,
            ApplicationAutoScalingEndpoint = moto.Endpoint,
            AccessKeyId = MotoServer.AccessKeyId,
            SecretAccessKey = MotoServer.SecretAccessKey,
            Retry = { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1) },
        },
        environment: _ => null);

    [Fact]
    public async Task Created_cluster_is_listed_through_the_real_transport()
    {
        var transport = CreateTransport();
        var ct = TestContext.Current.CancellationToken;

        var created = await transport.SendAsync(
            CreateCluster, new CreateClusterRequest("orders"),
            TestJsonContext.Default.CreateClusterRequest, TestJsonContext.Default.CreateClusterResponse, ct);
        var listed = await transport.SendAsync(
            ListClusters, new ListClustersRequest(),
            TestJsonContext.Default.ListClustersRequest, TestJsonContext.Default.ListClustersResponse, ct);

        Assert.Equal("orders", created.Cluster?.ClusterName);
        Assert.Equal("ACTIVE", created.Cluster?.Status);
        // The region in the ARN comes from the SigV4 credential scope, so this also proves the scope reached moto.
        Assert.StartsWith("arn:aws:ecs:eu-west-1:", created.Cluster?.ClusterArn, StringComparison.Ordinal);
        Assert.Equal([created.Cluster!.ClusterArn!], listed.ClusterArns);
    }

    [Fact]
    public async Task Reset_wipes_what_earlier_calls_created()
    {
        var transport = CreateTransport();
        var ct = TestContext.Current.CancellationToken;
        await transport.SendAsync(
            CreateCluster, new CreateClusterRequest("temporary"),
            TestJsonContext.Default.CreateClusterRequest, TestJsonContext.Default.CreateClusterResponse, ct);

        await moto.ResetAsync(ct);
        var listed = await transport.SendAsync(
            ListClusters, new ListClustersRequest(),
            TestJsonContext.Default.ListClustersRequest, TestJsonContext.Default.ListClustersResponse, ct);

        Assert.Empty(listed.ClusterArns ?? []);
    }

    [Fact]
    public async Task Registered_scalable_target_is_described_through_the_real_transport()
    {
        var transport = CreateTransport();
        var ct = TestContext.Current.CancellationToken;
        // moto (like AWS) only registers targets for ECS services that exist.
        await transport.SendAsync(
            CreateCluster, new CreateClusterRequest("orders"),
            TestJsonContext.Default.CreateClusterRequest, TestJsonContext.Default.CreateClusterResponse, ct);
        await transport.SendAsync(
            RegisterTaskDefinition, new RegisterTaskDefinitionRequest("web", [new ContainerDefinitionShape("web", "nginx", 128)]),
            TestJsonContext.Default.RegisterTaskDefinitionRequest, TestJsonContext.Default.EmptyResponse, ct);
        await transport.SendAsync(
            CreateService, new CreateServiceRequest("orders", "web", "web", 1),
            TestJsonContext.Default.CreateServiceRequest, TestJsonContext.Default.EmptyResponse, ct);

        await transport.SendAsync(
            RegisterScalableTarget,
            new RegisterScalableTargetRequest("ecs", "service/orders/web", "ecs:service:DesiredCount", 1, 4),
            TestAasJsonContext.Default.RegisterScalableTargetRequest, TestAasJsonContext.Default.EmptyResponse, ct);
        var described = await transport.SendAsync(
            DescribeScalableTargets, new DescribeScalableTargetsRequest("ecs"),
            TestAasJsonContext.Default.DescribeScalableTargetsRequest, TestAasJsonContext.Default.DescribeScalableTargetsResponse, ct);

        var target = Assert.Single(described.ScalableTargets!);
        Assert.Equal("service/orders/web", target.ResourceId);
        Assert.Equal(1, target.MinCapacity);
        Assert.Equal(4, target.MaxCapacity);
    }

    [Fact]
    public async Task Describing_services_of_a_missing_cluster_is_ClusterNotFound()
    {
        var transport = CreateTransport();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.SendAsync(
            DescribeServices, new DescribeServicesRequest("nope", ["web"]),
            TestJsonContext.Default.DescribeServicesRequest, TestJsonContext.Default.EmptyResponse,
            TestContext.Current.CancellationToken));

        Assert.Equal("ClusterNotFoundException", error.ErrorCode);
        Assert.Equal(AwsErrorKind.NotFound, error.Kind);
        Assert.Equal(400, error.HttpStatusCode);
        Assert.Contains("Cluster not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describing_a_missing_task_definition_is_NotFound_although_ECS_calls_it_ClientException()
    {
        var transport = CreateTransport();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.SendAsync(
            DescribeTaskDefinition, new DescribeTaskDefinitionRequest("web:7"),
            TestJsonContext.Default.DescribeTaskDefinitionRequest, TestJsonContext.Default.EmptyResponse,
            TestContext.Current.CancellationToken));

        Assert.Equal("ClientException", error.ErrorCode);
        Assert.Equal(AwsErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Deleting_an_unknown_cluster_is_NotFound()
    {
        var transport = CreateTransport();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.SendAsync(
            DeleteCluster, new DeleteClusterRequest("ghost"),
            TestJsonContext.Default.DeleteClusterRequest, TestJsonContext.Default.EmptyResponse,
            TestContext.Current.CancellationToken));

        Assert.Equal("ClusterNotFoundException", error.ErrorCode);
        Assert.Equal(AwsErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Deleting_an_unknown_scaling_policy_is_NotFound()
    {
        var transport = CreateTransport();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => transport.SendAsync(
            DeleteScalingPolicy,
            new DeleteScalingPolicyRequest("cpu", "ecs", "service/orders/web", "ecs:service:DesiredCount"),
            TestAasJsonContext.Default.DeleteScalingPolicyRequest, TestAasJsonContext.Default.EmptyResponse,
            TestContext.Current.CancellationToken));

        // AWS documents ObjectNotFoundException; moto answers ValidationException "No scaling policy found ...".
        Assert.Contains(error.ErrorCode, new[] { "ObjectNotFoundException", "ValidationException" });
        Assert.Equal(AwsErrorKind.NotFound, error.Kind);
    }
}
