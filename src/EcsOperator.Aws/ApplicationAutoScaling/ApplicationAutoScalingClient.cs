using System.Text.Json.Serialization.Metadata;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.ApplicationAutoScaling;

/// <summary>
/// <see cref="IApplicationAutoScalingApi"/> over the AWS JSON 1.1 transport: each method names its operation and
/// hands the source-generated request and response metadata to the transport, which does the rest.
/// </summary>
public sealed class ApplicationAutoScalingClient(IAwsJsonTransport transport) : IApplicationAutoScalingApi
{
    private static ApplicationAutoScalingJsonContext Json => ApplicationAutoScalingJsonContext.Default;

    public Task<RegisterScalableTargetResponse> RegisterScalableTargetAsync(
        RegisterScalableTargetRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.RegisterScalableTarget, request,
            Json.RegisterScalableTargetRequest, Json.RegisterScalableTargetResponse, cancellationToken);

    public Task<DescribeScalableTargetsResponse> DescribeScalableTargetsAsync(
        DescribeScalableTargetsRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.DescribeScalableTargets, request,
            Json.DescribeScalableTargetsRequest, Json.DescribeScalableTargetsResponse, cancellationToken);

    public Task<DeregisterScalableTargetResponse> DeregisterScalableTargetAsync(
        DeregisterScalableTargetRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.DeregisterScalableTarget, request,
            Json.DeregisterScalableTargetRequest, Json.DeregisterScalableTargetResponse, cancellationToken);

    public Task<PutScalingPolicyResponse> PutScalingPolicyAsync(
        PutScalingPolicyRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.PutScalingPolicy, request,
            Json.PutScalingPolicyRequest, Json.PutScalingPolicyResponse, cancellationToken);

    public Task<DescribeScalingPoliciesResponse> DescribeScalingPoliciesAsync(
        DescribeScalingPoliciesRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.DescribeScalingPolicies, request,
            Json.DescribeScalingPoliciesRequest, Json.DescribeScalingPoliciesResponse, cancellationToken);

    public Task<DeleteScalingPolicyResponse> DeleteScalingPolicyAsync(
        DeleteScalingPolicyRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.DeleteScalingPolicy, request,
            Json.DeleteScalingPolicyRequest, Json.DeleteScalingPolicyResponse, cancellationToken);

    public Task<PutScheduledActionResponse> PutScheduledActionAsync(
        PutScheduledActionRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.PutScheduledAction, request,
            Json.PutScheduledActionRequest, Json.PutScheduledActionResponse, cancellationToken);

    public Task<DescribeScheduledActionsResponse> DescribeScheduledActionsAsync(
        DescribeScheduledActionsRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.DescribeScheduledActions, request,
            Json.DescribeScheduledActionsRequest, Json.DescribeScheduledActionsResponse, cancellationToken);

    public Task<DeleteScheduledActionResponse> DeleteScheduledActionAsync(
        DeleteScheduledActionRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.DeleteScheduledAction, request,
            Json.DeleteScheduledActionRequest, Json.DeleteScheduledActionResponse, cancellationToken);

    public Task<DescribeScalingActivitiesResponse> DescribeScalingActivitiesAsync(
        DescribeScalingActivitiesRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.DescribeScalingActivities, request,
            Json.DescribeScalingActivitiesRequest, Json.DescribeScalingActivitiesResponse, cancellationToken);

    public Task<TagResourceResponse> TagResourceAsync(
        TagResourceRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.TagResource, request,
            Json.TagResourceRequest, Json.TagResourceResponse, cancellationToken);

    public Task<ListTagsForResourceResponse> ListTagsForResourceAsync(
        ListTagsForResourceRequest request, CancellationToken cancellationToken) =>
        SendAsync(
            ApplicationAutoScalingOperations.ListTagsForResource, request,
            Json.ListTagsForResourceRequest, Json.ListTagsForResourceResponse, cancellationToken);

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
