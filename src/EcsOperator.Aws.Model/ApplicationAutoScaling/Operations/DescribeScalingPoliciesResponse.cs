namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>DescribeScalingPolicies</c> operation.
/// </summary>
public sealed record DescribeScalingPoliciesResponse
{
    public IReadOnlyList<ScalingPolicy>? ScalingPolicies { get; init; }

    public string? NextToken { get; init; }
}
