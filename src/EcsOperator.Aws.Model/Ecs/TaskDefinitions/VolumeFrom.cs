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
    /// If this value is true, the container has read-only access to the volume. If this value is false, then the
    /// container can write to the volume. The default value is false.
    /// </summary>
    public bool? ReadOnly { get; init; }
}
