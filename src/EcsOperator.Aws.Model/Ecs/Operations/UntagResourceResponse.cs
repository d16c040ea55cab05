namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>UntagResource</c> operation.
/// </summary>
public sealed record UntagResourceResponse
{
}
