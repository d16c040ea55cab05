namespace EcsOperator.Core.Conditions;

/// <summary>What the last drift check found.</summary>
/// <param name="Fields">The differing field paths; empty when AWS matches the spec again.</param>
/// <param name="Corrected">Whether the operator changed AWS back (driftPolicy Correct).</param>
public sealed record DriftObservation(IReadOnlyList<string> Fields, bool Corrected);
