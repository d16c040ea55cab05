namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>TagResource</c> operation.
/// </summary>
public sealed record TagResourceResponse
{
}
