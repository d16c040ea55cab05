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
    /// A map of Docker driver-specific options passed through. This parameter maps to DriverOpts in the docker
    /// create-volume command and the xxopt option to docker volume create.
    /// </summary>
    public IReadOnlyDictionary<string, string>? DriverOpts { get; init; }

    /// <summary>
    /// Custom metadata to add to your Docker volume. This parameter maps to Labels in the docker container create
    /// command and the xxlabel option to docker volume create.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }
}
