namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DeleteCapacityProvider</c> operation.
/// </summary>
public sealed record DeleteCapacityProviderResponse
{
    /// <summary>
    /// The details of the capacity provider.
    /// </summary>
    public CapacityProvider? CapacityProvider { get; init; }
}
