namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DescribeTaskDefinition</c> operation.
/// </summary>
public sealed record DescribeTaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; init; }

    public IReadOnlyList<Tag>? Tags { get; init; }
}
