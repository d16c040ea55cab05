using EcsOperator.Aws.Model.ApplicationAutoScaling;

namespace EcsOperator.Aws.ApplicationAutoScaling;

/// <summary>
/// The Application Auto Scaling API, one method per operation. Errors surface as
/// <see cref="Transport.AwsServiceException"/> with a classification (not found, retryable, terminal).
/// </summary>
public interface IApplicationAutoScalingApi
{
    /// <summary>Registers or updates a scalable target, which is the resource that you want to scale.</summary>
    Task<RegisterScalableTargetResponse> RegisterScalableTargetAsync(
        RegisterScalableTargetRequest request, CancellationToken cancellationToken);

    /// <summary>Gets information about the scalable targets in the specified namespace.</summary>
    Task<DescribeScalableTargetsResponse> DescribeScalableTargetsAsync(
        DescribeScalableTargetsRequest request, CancellationToken cancellationToken);

    /// <summary>Deregisters an Application Auto Scaling scalable target when you have finished using it.</summary>
    Task<DeregisterScalableTargetResponse> DeregisterScalableTargetAsync(
        DeregisterScalableTargetRequest request, CancellationToken cancellationToken);

    /// <summary>Creates or updates a scaling policy for an Application Auto Scaling scalable target.</summary>
    Task<PutScalingPolicyResponse> PutScalingPolicyAsync(
        PutScalingPolicyRequest request, CancellationToken cancellationToken);

    /// <summary>Describes the Application Auto Scaling scaling policies for the specified service namespace.</summary>
    Task<DescribeScalingPoliciesResponse> DescribeScalingPoliciesAsync(
        DescribeScalingPoliciesRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes the specified scaling policy for an Application Auto Scaling scalable target.</summary>
    Task<DeleteScalingPolicyResponse> DeleteScalingPolicyAsync(
        DeleteScalingPolicyRequest request, CancellationToken cancellationToken);

    /// <summary>Creates or updates a scheduled action for an Application Auto Scaling scalable target.</summary>
    Task<PutScheduledActionResponse> PutScheduledActionAsync(
        PutScheduledActionRequest request, CancellationToken cancellationToken);

    /// <summary>Describes the Application Auto Scaling scheduled actions for the specified service namespace.</summary>
    Task<DescribeScheduledActionsResponse> DescribeScheduledActionsAsync(
        DescribeScheduledActionsRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes the specified scheduled action for an Application Auto Scaling scalable target.</summary>
    Task<DeleteScheduledActionResponse> DeleteScheduledActionAsync(
        DeleteScheduledActionRequest request, CancellationToken cancellationToken);

    /// <summary>Describes the scaling activities of the last six weeks.</summary>
    Task<DescribeScalingActivitiesResponse> DescribeScalingActivitiesAsync(
        DescribeScalingActivitiesRequest request, CancellationToken cancellationToken);

    /// <summary>Adds or edits tags on a scalable target (the operator's ownership tag on a target it takes over).</summary>
    Task<TagResourceResponse> TagResourceAsync(
        TagResourceRequest request, CancellationToken cancellationToken);

    /// <summary>Returns all the tags on a scalable target (to tell whose it is).</summary>
    Task<ListTagsForResourceResponse> ListTagsForResourceAsync(
        ListTagsForResourceRequest request, CancellationToken cancellationToken);
}
