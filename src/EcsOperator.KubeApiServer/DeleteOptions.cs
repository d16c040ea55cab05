namespace EcsOperator.KubeApiServer;

/// <summary>The parts of a DeleteOptions body the server honours.</summary>
/// <param name="PreconditionUid">preconditions.uid.</param>
/// <param name="PreconditionResourceVersion">preconditions.resourceVersion.</param>
/// <param name="PropagationPolicy">Orphan, Background or Foreground (validated, accepted; no garbage collector runs).</param>
public sealed record DeleteOptions(string? PreconditionUid = null, string? PreconditionResourceVersion = null, string? PropagationPolicy = null);
