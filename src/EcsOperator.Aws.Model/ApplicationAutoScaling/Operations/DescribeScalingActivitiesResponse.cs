namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>DescribeScalingActivities</c> operation.
/// </summary>
public sealed record DescribeScalingActivitiesResponse
{
    public IReadOnlyList<ScalingActivity>? ScalingActivities { get; init; }

    public string? NextToken { get; init; }
}
