namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>UpdateCapacityProvider</c> operation.
/// </summary>
public sealed record UpdateCapacityProviderResponse
{
    /// <summary>
    /// Details about the capacity provider.
    /// </summary>
    public CapacityProvider? CapacityProvider { get; init; }
}
