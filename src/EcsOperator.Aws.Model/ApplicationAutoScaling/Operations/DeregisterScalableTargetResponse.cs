namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>DeregisterScalableTarget</c> operation.
/// </summary>
public sealed record DeregisterScalableTargetResponse
{
}
