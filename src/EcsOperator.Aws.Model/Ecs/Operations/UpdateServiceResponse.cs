namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>UpdateService</c> operation.
/// </summary>
public sealed record UpdateServiceResponse
{
    public Service? Service { get; init; }
}
