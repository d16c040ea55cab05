namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>ListTagsForResource</c> operation.
/// </summary>
public sealed record ListTagsForResourceResponse
{
    public IReadOnlyList<Tag>? Tags { get; init; }
}
