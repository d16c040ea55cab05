namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>CreateCapacityProvider</c> operation.
/// </summary>
public sealed record CreateCapacityProviderResponse
{
    /// <summary>
    /// The full description of the new capacity provider.
    /// </summary>
    public CapacityProvider? CapacityProvider { get; init; }
}
