using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Aws.Ecs;

/// <summary>
/// The Amazon ECS API, one method per operation. Errors surface as
/// <see cref="Transport.AwsServiceException"/> with a classification (not found, retryable, terminal).
/// </summary>
public interface IEcsApi
{
    /// <summary>Creates a new Amazon ECS cluster.</summary>
    Task<CreateClusterResponse> CreateClusterAsync(CreateClusterRequest request, CancellationToken cancellationToken);

    /// <summary>Describes one or more of your clusters.</summary>
    Task<DescribeClustersResponse> DescribeClustersAsync(
        DescribeClustersRequest request, CancellationToken cancellationToken);

    /// <summary>Updates the cluster.</summary>
    Task<UpdateClusterResponse> UpdateClusterAsync(UpdateClusterRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes the specified cluster.</summary>
    Task<DeleteClusterResponse> DeleteClusterAsync(DeleteClusterRequest request, CancellationToken cancellationToken);

    /// <summary>Sets the capacity providers of a cluster and its default capacity provider strategy.</summary>
    Task<PutClusterCapacityProvidersResponse> PutClusterCapacityProvidersAsync(
        PutClusterCapacityProvidersRequest request, CancellationToken cancellationToken);

    /// <summary>Registers a new revision of a task definition family.</summary>
    Task<RegisterTaskDefinitionResponse> RegisterTaskDefinitionAsync(
        RegisterTaskDefinitionRequest request, CancellationToken cancellationToken);

    /// <summary>Describes a task definition.</summary>
    Task<DescribeTaskDefinitionResponse> DescribeTaskDefinitionAsync(
        DescribeTaskDefinitionRequest request, CancellationToken cancellationToken);

    /// <summary>Returns a list of task definitions that are registered to your account.</summary>
    Task<ListTaskDefinitionsResponse> ListTaskDefinitionsAsync(
        ListTaskDefinitionsRequest request, CancellationToken cancellationToken);

    /// <summary>Returns a list of task definition families that are registered to your account.</summary>
    Task<ListTaskDefinitionFamiliesResponse> ListTaskDefinitionFamiliesAsync(
        ListTaskDefinitionFamiliesRequest request, CancellationToken cancellationToken);

    /// <summary>Deregisters the specified task definition by family and revision.</summary>
    Task<DeregisterTaskDefinitionResponse> DeregisterTaskDefinitionAsync(
        DeregisterTaskDefinitionRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes one or more task definitions.</summary>
    Task<DeleteTaskDefinitionsResponse> DeleteTaskDefinitionsAsync(
        DeleteTaskDefinitionsRequest request, CancellationToken cancellationToken);

    /// <summary>Runs and maintains your desired number of tasks from a specified task definition.</summary>
    Task<CreateServiceResponse> CreateServiceAsync(CreateServiceRequest request, CancellationToken cancellationToken);

    /// <summary>Describes the specified services running in your cluster.</summary>
    Task<DescribeServicesResponse> DescribeServicesAsync(
        DescribeServicesRequest request, CancellationToken cancellationToken);

    /// <summary>Modifies the parameters of a service.</summary>
    Task<UpdateServiceResponse> UpdateServiceAsync(UpdateServiceRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes a specified service within a cluster.</summary>
    Task<DeleteServiceResponse> DeleteServiceAsync(DeleteServiceRequest request, CancellationToken cancellationToken);

    /// <summary>Returns a list of services.</summary>
    Task<ListServicesResponse> ListServicesAsync(ListServicesRequest request, CancellationToken cancellationToken);

    /// <summary>This operation lists all the service deployments that meet the specified filter criteria.</summary>
    Task<ListServiceDeploymentsResponse> ListServiceDeploymentsAsync(
        ListServiceDeploymentsRequest request, CancellationToken cancellationToken);

    /// <summary>Describes one or more of your service deployments.</summary>
    Task<DescribeServiceDeploymentsResponse> DescribeServiceDeploymentsAsync(
        DescribeServiceDeploymentsRequest request, CancellationToken cancellationToken);

    /// <summary>Starts a new task using the specified task definition.</summary>
    Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken);

    /// <summary>Describes a specified task or tasks.</summary>
    Task<DescribeTasksResponse> DescribeTasksAsync(DescribeTasksRequest request, CancellationToken cancellationToken);

    /// <summary>Stops a running task.</summary>
    Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken);

    /// <summary>Returns a list of tasks.</summary>
    Task<ListTasksResponse> ListTasksAsync(ListTasksRequest request, CancellationToken cancellationToken);

    /// <summary>Adds or overwrites tags on a resource; tags not named in the request stay as they are.</summary>
    Task<TagResourceResponse> TagResourceAsync(TagResourceRequest request, CancellationToken cancellationToken);

    /// <summary>List the tags for an Amazon ECS resource.</summary>
    Task<ListTagsForResourceResponse> ListTagsForResourceAsync(
        ListTagsForResourceRequest request, CancellationToken cancellationToken);

    /// <summary>Stops an ongoing service deployment (stopType ROLLBACK: back to the previous service revision).</summary>
    Task<StopServiceDeploymentResponse> StopServiceDeploymentAsync(
        StopServiceDeploymentRequest request, CancellationToken cancellationToken);

    /// <summary>Creates a capacity provider (here: one for an Auto Scaling group).</summary>
    Task<CreateCapacityProviderResponse> CreateCapacityProviderAsync(
        CreateCapacityProviderRequest request, CancellationToken cancellationToken);

    /// <summary>Modifies the parameters of a capacity provider.</summary>
    Task<UpdateCapacityProviderResponse> UpdateCapacityProviderAsync(
        UpdateCapacityProviderRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes the specified capacity provider; ECS refuses while a cluster has it associated.</summary>
    Task<DeleteCapacityProviderResponse> DeleteCapacityProviderAsync(
        DeleteCapacityProviderRequest request, CancellationToken cancellationToken);

    /// <summary>Describes one or more of your capacity providers.</summary>
    Task<DescribeCapacityProvidersResponse> DescribeCapacityProvidersAsync(
        DescribeCapacityProvidersRequest request, CancellationToken cancellationToken);
}
