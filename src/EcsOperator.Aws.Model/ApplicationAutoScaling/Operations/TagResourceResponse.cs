namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>TagResource</c> operation.
/// </summary>
public sealed record TagResourceResponse
{
}
