using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Port mappings allow containers to access ports on the host container instance to send or receive traffic.
/// </summary>
public sealed record PortMapping
{
    /// <summary>
    /// The port number on the container that's bound to the user-specified or automatically assigned host port.
    /// </summary>
    public int? ContainerPort { get; init; }

    /// <summary>
    /// The port number on the container instance to reserve for your container. If you specify a
    /// containerPortRange, leave this field empty and the value of the hostPort is set as follows: For containers
    /// in a task with the awsvpc network mode, the hostPort is set to the same value as the containerPort. The
    /// default ephemeral port range for Docker version 1.6.0 and later is listed on the instance under
    /// /proc/sys/net/ipv4/ip_local_port_range.
    /// </summary>
    public int? HostPort { get; init; }

    /// <summary>
    /// The protocol used for the port mapping. Valid values are tcp and udp. The default is tcp. protocol is
    /// immutable in a Service Connect service.
    /// </summary>
    [AllowedValues("tcp", "udp")]
    public string? Protocol { get; init; }

    /// <summary>
    /// The name that's used for the port mapping. This parameter is the name that you use in the
    /// serviceConnectConfiguration and the vpcLatticeConfigurations of a service.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// The application protocol that's used for the port mapping. This parameter only applies to Service Connect.
    /// </summary>
    [AllowedValues("http", "http2", "grpc")]
    public string? AppProtocol { get; init; }

    /// <summary>
    /// The port number range on the container that's bound to the dynamically mapped host port range. For
    /// containers in a task with the bridge network mode, the Amazon ECS agent finds open host ports from the
    /// default ephemeral range and passes it to docker to bind them to the container ports.
    /// </summary>
    public string? ContainerPortRange { get; init; }
}
