namespace EcsOperator.Simulator.Model;

/// <summary>
/// The shape of an Auto Scaling group's instances and its maximum size, as a test declares it
/// (<c>EcsSimulator.DefineAutoScalingGroup</c>); groups nobody declared launch the agent defaults.
/// </summary>
internal sealed record SimAutoScalingGroup(int Cpu = 2048, int Memory = 3904, string InstanceType = "t3.medium", int MaxSize = 100);
