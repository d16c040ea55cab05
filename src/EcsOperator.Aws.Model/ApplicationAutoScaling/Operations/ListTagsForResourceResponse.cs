namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>ListTagsForResource</c> operation.
/// </summary>
public sealed record ListTagsForResourceResponse
{
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
