namespace EcsOperator.Simulator.Model;

/// <summary>A container port published on the container instance (bridge or host network mode).</summary>
internal sealed record SimNetworkBinding(string ContainerName, int ContainerPort, int HostPort, string Protocol);
