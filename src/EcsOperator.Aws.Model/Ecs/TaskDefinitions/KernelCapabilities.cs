namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The Linux capabilities to add or remove from the default Docker configuration for a container defined in the
/// task definition.
/// </summary>
public sealed record KernelCapabilities
{
    /// <summary>
    /// The Linux capabilities for the container that have been added to the default configuration provided by
    /// Docker.
    /// </summary>
    [SetList]
    public IReadOnlyList<string>? Add { get; init; }

    /// <summary>
    /// The Linux capabilities for the container that have been removed from the default configuration provided by
    /// Docker.
    /// </summary>
    [SetList]
    public IReadOnlyList<string>? Drop { get; init; }
}
