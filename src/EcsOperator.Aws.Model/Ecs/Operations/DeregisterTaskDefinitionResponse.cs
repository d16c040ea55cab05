namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DeregisterTaskDefinition</c> operation.
/// </summary>
public sealed record DeregisterTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; init; }
}
