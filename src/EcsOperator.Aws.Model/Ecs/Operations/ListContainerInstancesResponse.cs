namespace EcsOperator.Aws.Model.Ecs;

/// <summary>The response of the <c>ListContainerInstances</c> operation.</summary>
public sealed record ListContainerInstancesResponse
{
    public IReadOnlyList<string>? ContainerInstanceArns { get; init; }

    public string? NextToken { get; init; }
}
