using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Paging;

namespace EcsOperator.Aws.ApplicationAutoScaling;

/// <summary>Whole-result helpers over <see cref="IApplicationAutoScalingApi"/> that follow <c>NextToken</c> to the end.</summary>
public static class ApplicationAutoScalingApiExtensions
{
    /// <summary>Every scalable target matching <paramref name="request"/>, across all pages.</summary>
    public static Task<IReadOnlyList<ScalableTarget>> DescribeAllScalableTargetsAsync(
        this IApplicationAutoScalingApi api, DescribeScalableTargetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.CollectAsync(
            request,
            api.DescribeScalableTargetsAsync,
            (r, token) => r with { NextToken = token },
            page => page.ScalableTargets,
            page => page.NextToken,
            cancellationToken);
    }

    /// <summary>Every scaling policy matching <paramref name="request"/>, across all pages.</summary>
    public static Task<IReadOnlyList<ScalingPolicy>> DescribeAllScalingPoliciesAsync(
        this IApplicationAutoScalingApi api, DescribeScalingPoliciesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.CollectAsync(
            request,
            api.DescribeScalingPoliciesAsync,
            (r, token) => r with { NextToken = token },
            page => page.ScalingPolicies,
            page => page.NextToken,
            cancellationToken);
    }

    /// <summary>Every scheduled action matching <paramref name="request"/>, across all pages.</summary>
    public static Task<IReadOnlyList<ScheduledAction>> DescribeAllScheduledActionsAsync(
        this IApplicationAutoScalingApi api, DescribeScheduledActionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.CollectAsync(
            request,
            api.DescribeScheduledActionsAsync,
            (r, token) => r with { NextToken = token },
            page => page.ScheduledActions,
            page => page.NextToken,
            cancellationToken);
    }

    /// <summary>Every scaling activity matching <paramref name="request"/> (the last six weeks), across all pages.</summary>
    public static Task<IReadOnlyList<ScalingActivity>> DescribeAllScalingActivitiesAsync(
        this IApplicationAutoScalingApi api, DescribeScalingActivitiesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return Pages.CollectAsync(
            request,
            api.DescribeScalingActivitiesAsync,
            (r, token) => r with { NextToken = token },
            page => page.ScalingActivities,
            page => page.NextToken,
            cancellationToken);
    }
}
