namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DeleteService</c> operation.
/// </summary>
public sealed record DeleteServiceResponse
{
    public Service? Service { get; init; }
}
