using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Hostnames and IP address entries that are added to the /etc/hosts file of a container via the extraHosts
/// parameter of its ContainerDefinition .
/// </summary>
public sealed record HostEntry
{
    /// <summary>
    /// The hostname to use in the /etc/hosts entry.
    /// </summary>
    [Required]
    public string? Hostname { get; init; }

    /// <summary>
    /// The IP address to use in the /etc/hosts entry.
    /// </summary>
    [Required]
    public string? IpAddress { get; init; }
}
