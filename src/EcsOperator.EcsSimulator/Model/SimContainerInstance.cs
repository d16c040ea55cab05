namespace EcsOperator.Simulator.Model;

/// <summary>
/// An EC2 container instance registered to a cluster: what it registered (CPU units, MiB, reserved ports,
/// attributes) and what its live tasks hold of it. Resources are released when a task reaches STOPPED, as ECS does.
/// </summary>
internal sealed class SimContainerInstance
{
    public required string Arn { get; init; }

    /// <summary>The id part of the ARN (32 hex digits).</summary>
    public required string Id { get; init; }

    public required string Ec2InstanceId { get; init; }

    public required SimCluster Cluster { get; init; }

    /// <summary>ACTIVE, or INACTIVE once deregistered.</summary>
    public string Status { get; set; } = "ACTIVE";

    public required int RegisteredCpu { get; set; }

    public required int RegisteredMemory { get; set; }

    /// <summary>Host ports the agent reserves (TCP), e.g. 22 and the agent's own ports.</summary>
    public required HashSet<int> ReservedPorts { get; set; }

    public HashSet<int> ReservedUdpPorts { get; set; } = [];

    /// <summary>Attribute name to value (null for a value-less attribute such as a capability).</summary>
    public required Dictionary<string, string?> Attributes { get; set; }

    public SimTags Tags { get; set; } = new();

    /// <summary>The Auto Scaling group capacity provider that launched it; null for an instance registered by hand.</summary>
    public string? CapacityProviderName { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }

    public long Version { get; set; } = 1;

    /// <summary>Tasks placed here that have not reached STOPPED, in launch order.</summary>
    public List<SimTask> Tasks { get; } = [];

    public int UsedCpu { get; set; }

    public int UsedMemory { get; set; }

    /// <summary>Host ports held by tasks, keyed by protocol ("tcp" or "udp").</summary>
    public HashSet<(int Port, string Protocol)> UsedPorts { get; } = [];

    public int RemainingCpu => RegisteredCpu - UsedCpu;

    public int RemainingMemory => RegisteredMemory - UsedMemory;

    public bool PortTaken(int port, string protocol) =>
        UsedPorts.Contains((port, protocol)) || (protocol == "udp" ? ReservedUdpPorts : ReservedPorts).Contains(port);

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);
}
