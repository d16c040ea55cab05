namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DeleteTaskDefinitions</c> operation.
/// </summary>
public sealed record DeleteTaskDefinitionsResponse
{
    public IReadOnlyList<TaskDefinition>? TaskDefinitions { get; init; }

    public IReadOnlyList<Failure>? Failures { get; init; }
}
