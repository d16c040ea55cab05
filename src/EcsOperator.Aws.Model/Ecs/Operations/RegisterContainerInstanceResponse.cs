namespace EcsOperator.Aws.Model.Ecs;

/// <summary>The response of the <c>RegisterContainerInstance</c> operation.</summary>
public sealed record RegisterContainerInstanceResponse
{
    public ContainerInstance? ContainerInstance { get; init; }
}
