using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An object representing a container instance host device.
/// </summary>
public sealed record Device
{
    /// <summary>
    /// The path for the device on the host container instance.
    /// </summary>
    [Required]
    public string? HostPath { get; init; }

    /// <summary>
    /// The path inside the container at which to expose the host device.
    /// </summary>
    public string? ContainerPath { get; init; }

    /// <summary>
    /// The explicit permissions to provide to the container for the device. By default, the container has
    /// permissions for read, write, and mknod for the device.
    /// </summary>
    [AllowedValues("read", "write", "mknod")]
    [SetList]
    public IReadOnlyList<string>? Permissions { get; init; }
}
