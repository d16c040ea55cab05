using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Port mappings allow containers to access ports on the host container instance to send or receive traffic.
/// </summary>
public sealed record PortMapping
{
    /// <summary>
    /// The port the container listens on.
    /// </summary>
    public int? ContainerPort { get; init; }

    /// <summary>
    /// The host port to bind; with awsvpc and host network modes it must equal containerPort or be left out, with
    /// bridge 0 or none means a dynamic port.
    /// </summary>
    public int? HostPort { get; init; }

    /// <summary>
    /// The protocol used for the port mapping. Valid values are tcp and udp. The default is tcp. protocol is
    /// immutable in a Service Connect service.
    /// </summary>
    [AllowedValues("tcp", "udp")]
    public string? Protocol { get; init; }

    /// <summary>
    /// A name for the port mapping, referenced by Service Connect and VPC Lattice configurations of a service.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// The application protocol (http, http2 or grpc) Service Connect uses for protocol-aware metrics and routing.
    /// </summary>
    [AllowedValues("http", "http2", "grpc")]
    public string? AppProtocol { get; init; }

    /// <summary>
    /// A port range such as 8000-8100 bound to dynamically mapped host ports, instead of containerPort.
    /// </summary>
    public string? ContainerPortRange { get; init; }
}
