namespace EcsOperator.Chaos.Tests;

/// <summary>The outcome of one seed.</summary>
public sealed record RunResult
{
    public required int Seed { get; init; }

    public required IReadOnlyList<string> Violations { get; init; }

    public required IReadOnlyDictionary<FaultKind, int> Faults { get; init; }

    /// <summary>Objects users created during the run (each re-creation counts).</summary>
    public required int Objects { get; init; }

    /// <summary>From the end of the last fault to the expected state; null when it was never reached.</summary>
    public required TimeSpan? Converged { get; init; }

    public required int AwsCalls { get; init; }

    public required TimeSpan Elapsed { get; init; }
}
