namespace EcsOperator.Simulator.Model;

/// <summary>Where a task goes and what it holds there: the instance, its CPU units and MiB, and its host ports.</summary>
internal sealed record SimPlacement(SimContainerInstance Instance, int Cpu, int Memory, IReadOnlyList<SimNetworkBinding> Bindings);
