namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>RegisterTaskDefinition</c> operation.
/// </summary>
public sealed record RegisterTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }
}
