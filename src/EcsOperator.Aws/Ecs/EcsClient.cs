using System.Text.Json.Serialization.Metadata;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Ecs;

/// <summary>
/// <see cref="IEcsApi"/> over the AWS JSON 1.1 transport: each method names its operation and hands the
/// source-generated request and response metadata to the transport, which does the rest.
/// </summary>
public sealed class EcsClient(IAwsJsonTransport transport) : IEcsApi
{
    private static EcsJsonContext Json => EcsJsonContext.Default;

    public Task<CreateClusterResponse> CreateClusterAsync(
        CreateClusterRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.CreateCluster, request,
            Json.CreateClusterRequest, Json.CreateClusterResponse, cancellationToken);

    public Task<DescribeClustersResponse> DescribeClustersAsync(
        DescribeClustersRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DescribeClusters, request,
            Json.DescribeClustersRequest, Json.DescribeClustersResponse, cancellationToken);

    public Task<UpdateClusterResponse> UpdateClusterAsync(
        UpdateClusterRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.UpdateCluster, request,
            Json.UpdateClusterRequest, Json.UpdateClusterResponse, cancellationToken);

    public Task<DeleteClusterResponse> DeleteClusterAsync(
        DeleteClusterRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DeleteCluster, request,
            Json.DeleteClusterRequest, Json.DeleteClusterResponse, cancellationToken);

    public Task<PutClusterCapacityProvidersResponse> PutClusterCapacityProvidersAsync(
        PutClusterCapacityProvidersRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.PutClusterCapacityProviders, request,
            Json.PutClusterCapacityProvidersRequest, Json.PutClusterCapacityProvidersResponse, cancellationToken);

    public Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(
        RegisterTaskDefinitionRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.RegisterTaskDefinition, request,
            Json.RegisterTaskDefinitionRequest, Json.RegisterTaskDefinitionResponse, cancellationToken);

    public Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(
        DescribeTaskDefinitionRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DescribeTaskDefinition, request,
            Json.DescribeTaskDefinitionRequest, Json.DescribeTaskDefinitionResponse, cancellationToken);

    public Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(
        ListTaskDefinitionsRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.ListTaskDefinitions, request,
            Json.ListTaskDefinitionsRequest, Json.ListTaskDefinitionsResponse, cancellationToken);

    public Task<ListTaskDefinitionFamiliesResponse> ListTaskDefinitionFamiliesAsync(
        ListTaskDefinitionFamiliesRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.ListTaskDefinitionFamilies, request,
            Json.ListTaskDefinitionFamiliesRequest, Json.ListTaskDefinitionFamiliesResponse, cancellationToken);

    public Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(
        DeregisterTaskDefinitionRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DeregisterTaskDefinition, request,
            Json.DeregisterTaskDefinitionRequest, Json.DeregisterTaskDefinitionResponse, cancellationToken);

    public Task<DeleteTaskDefinitionsResponse> DeleteTaskDefinitionsAsync(
        DeleteTaskDefinitionsRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DeleteTaskDefinitions, request,
            Json.DeleteTaskDefinitionsRequest, Json.DeleteTaskDefinitionsResponse, cancellationToken);

    public Task<CreateServiceResponse> CreateServiceAsync(
        CreateServiceRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.CreateService, request,
            Json.CreateServiceRequest, Json.CreateServiceResponse, cancellationToken);

    public Task<DescribeServicesResponse> DescribeServicesAsync(
        DescribeServicesRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DescribeServices, request,
            Json.DescribeServicesRequest, Json.DescribeServicesResponse, cancellationToken);

    public Task<UpdateServiceResponse> UpdateServiceAsync(
        UpdateServiceRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.UpdateService, request,
            Json.UpdateServiceRequest, Json.UpdateServiceResponse, cancellationToken);

    public Task<DeleteServiceResponse> DeleteServiceAsync(
        DeleteServiceRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DeleteService, request,
            Json.DeleteServiceRequest, Json.DeleteServiceResponse, cancellationToken);

    public Task<ListServicesResponse> ListServicesAsync(
        ListServicesRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.ListServices, request,
            Json.ListServicesRequest, Json.ListServicesResponse, cancellationToken);

    public Task<ListServiceDeploymentsResponse> ListServiceDeploymentsAsync(
        ListServiceDeploymentsRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.ListServiceDeployments, request,
            Json.ListServiceDeploymentsRequest, Json.ListServiceDeploymentsResponse, cancellationToken);

    public Task<DescribeServiceDeploymentsResponse> DescribeServiceDeploymentsAsync(
        DescribeServiceDeploymentsRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DescribeServiceDeployments, request,
            Json.DescribeServiceDeploymentsRequest, Json.DescribeServiceDeploymentsResponse, cancellationToken);

    public Task<StopServiceDeploymentResponse> StopServiceDeploymentAsync(
        StopServiceDeploymentRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.StopServiceDeployment, request,
            Json.StopServiceDeploymentRequest, Json.StopServiceDeploymentResponse, cancellationToken);

    public Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken) =>
        SendAsync(EcsOperations.RunTask, request, Json.RunTaskRequest, Json.RunTaskResponse, cancellationToken);

    public Task<DescribeTasksResponse> DescribeTasksAsync(
        DescribeTasksRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DescribeTasks, request,
            Json.DescribeTasksRequest, Json.DescribeTasksResponse, cancellationToken);

    public Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken) =>
        SendAsync(EcsOperations.StopTask, request, Json.StopTaskRequest, Json.StopTaskResponse, cancellationToken);

    public Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken) =>
        SendAsync(EcsOperations.ListTasks, request, Json.ListTasksRequest, Json.ListTasksResponse, cancellationToken);

    public Task<TagResourceResponse> TagResourceAsync(
        TagResourceRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.TagResource, request,
            Json.TagResourceRequest, Json.TagResourceResponse, cancellationToken);

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(
        ListTagsForResourceRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.ListTagsForResource, request,
            Json.ListTagsForResourceRequest, Json.ListTagsForResourceResponse, cancellationToken);

    public Task<CreateCapacityProviderResponse> CreateCapacityProviderAsync(
        CreateCapacityProviderRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.CreateCapacityProvider, request,
            Json.CreateCapacityProviderRequest, Json.CreateCapacityProviderResponse, cancellationToken);

    public Task<UpdateCapacityProviderResponse> UpdateCapacityProviderAsync(
        UpdateCapacityProviderRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.UpdateCapacityProvider, request,
            Json.UpdateCapacityProviderRequest, Json.UpdateCapacityProviderResponse, cancellationToken);

    public Task<DeleteCapacityProviderResponse> DeleteCapacityProviderAsync(
        DeleteCapacityProviderRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DeleteCapacityProvider, request,
            Json.DeleteCapacityProviderRequest, Json.DeleteCapacityProviderResponse, cancellationToken);

    public Task<DescribeCapacityProvidersResponse> DescribeCapacityProvidersAsync(
        DescribeCapacityProvidersRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            EcsOperations.DescribeCapacityProviders, request,
            Json.DescribeCapacityProvidersRequest, Json.DescribeCapacityProvidersResponse, cancellationToken);

    private Task<TResponse> SendAsync<TRequest, TResponse>(
        AwsOperation operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return transport.SendAsync(operation, request, requestType, responseType, cancellationToken);
    }
}
