namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>DescribeScalableTargets</c> operation.
/// </summary>
public sealed record DescribeScalableTargetsResponse
{
    public IReadOnlyList<ScalableTarget>? ScalableTargets { get; init; }

    public string? NextToken { get; init; }
}
