namespace EcsOperator.Aws.Model.Ecs;

/// <summary>The response of the <c>DeregisterContainerInstance</c> operation.</summary>
public sealed record DeregisterContainerInstanceResponse
{
    public ContainerInstance? ContainerInstance { get; init; }
}
