namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Details on a data volume from another container in the same task definition.
/// </summary>
public sealed record VolumeFrom
{
    /// <summary>
    /// The name of another container within the same task definition to mount volumes from.
    /// </summary>
    public string? SourceContainer { get; init; }

    /// <summary>
    /// Whether the container may only read the volumes. Defaults to false.
    /// </summary>
    public bool? ReadOnly { get; init; }
}
