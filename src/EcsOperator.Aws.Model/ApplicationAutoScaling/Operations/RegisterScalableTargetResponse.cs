namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>RegisterScalableTarget</c> operation.
/// </summary>
public sealed record RegisterScalableTargetResponse
{
    public string? ScalableTargetARN { get; init; }
}
