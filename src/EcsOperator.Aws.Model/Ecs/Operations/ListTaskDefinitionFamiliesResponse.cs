namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>ListTaskDefinitionFamilies</c> operation.
/// </summary>
public sealed record ListTaskDefinitionFamiliesResponse
{
    public IReadOnlyList<string>? Families { get; init; }

    public string? NextToken { get; init; }
}
