namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>CreateService</c> operation.
/// </summary>
public sealed record CreateServiceResponse
{
    public Service? Service { get; init; }
}
