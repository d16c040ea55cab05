namespace EcsOperator.Simulator.Controls;

/// <summary>Makes running tasks of a matching image (and command) exit after <paramref name="RunFor"/>.</summary>
/// <param name="ImagePattern">Image with <c>*</c> wildcards.</param>
/// <param name="RunFor">How long the container runs once RUNNING.</param>
/// <param name="ExitCode">Exit code of the essential container.</param>
/// <param name="CommandPattern">Optional pattern on the effective command joined by spaces (overrides applied).</param>
public sealed record TaskExitRule(string ImagePattern, TimeSpan RunFor, int ExitCode, string? CommandPattern = null);
