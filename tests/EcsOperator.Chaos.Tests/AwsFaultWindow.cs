namespace EcsOperator.Chaos.Tests;

/// <summary>A period during which matching AWS requests fail (or are slowed) with some probability.</summary>
/// <param name="Kind">One of the Aws* fault kinds.</param>
/// <param name="Operation">Operation name, or "*" for any.</param>
/// <param name="Probability">Chance that one matching request is hit.</param>
/// <param name="Latency">Added delay for <see cref="FaultKind.AwsLatency"/>.</param>
public sealed record AwsFaultWindow(FaultKind Kind, string Operation, double Probability, TimeSpan Latency)
{
    public bool Matches(string operation) => Operation == "*" || Operation == operation;
}
