using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// This parameter is specified when you're using Docker volumes. Docker volumes are only supported when you're
/// using the EC2 launch type.
/// </summary>
public sealed record DockerVolumeConfiguration
{
    /// <summary>
    /// The scope for the Docker volume that determines its lifecycle. Docker volumes that are scoped to a task are
    /// automatically provisioned when the task starts and destroyed when the task stops.
    /// </summary>
    [AllowedValues("task", "shared")]
    public string? Scope { get; init; }

    /// <summary>
    /// If this value is true, the Docker volume is created if it doesn't already exist. This field is only used if
    /// the scope is shared.
    /// </summary>
    public bool? Autoprovision { get; init; }

    /// <summary>
    /// The Docker volume driver to use. The driver value must match the driver name provided by Docker because it
    /// is used for task placement.
    /// </summary>
    public string? Driver { get; init; }

    /// <summary>
    /// Driver-specific options passed to the Docker volume driver.
    /// </summary>
    public IReadOnlyDictionary<string, string>? DriverOpts { get; init; }

    /// <summary>
    /// Custom labels added to the Docker volume.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
