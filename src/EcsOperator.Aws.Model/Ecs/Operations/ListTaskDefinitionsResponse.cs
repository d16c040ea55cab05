namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>ListTaskDefinitions</c> operation.
/// </summary>
public sealed record ListTaskDefinitionsResponse
{
    public IReadOnlyList<string>? TaskDefinitionArns { get; init; }

    public string? NextToken { get; init; }
}
