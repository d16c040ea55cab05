namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>DeleteScalingPolicy</c> operation.
/// </summary>
public sealed record DeleteScalingPolicyResponse
{
}
