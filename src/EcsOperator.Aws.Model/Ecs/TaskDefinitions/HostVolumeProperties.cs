namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Details on a container instance bind mount host volume.
/// </summary>
public sealed record HostVolumeProperties
{
    /// <summary>
    /// When the host parameter is used, specify a sourcePath to declare the path on the host container instance
    /// that's presented to the container.
    /// </summary>
    public string? SourcePath { get; init; }
}
