namespace EcsOperator.Simulator.Controls;

/// <summary>Makes tasks whose essential container uses a matching image fail while starting.</summary>
/// <param name="ImagePattern">Image with <c>*</c> wildcards, e.g. <c>repo/bad:*</c>.</param>
/// <param name="ExitCode">Exit code of the container (ignored for pull failures).</param>
/// <param name="PullFailure">True: the image cannot be pulled (stopCode TaskFailedToStart) instead of exiting.</param>
public sealed record ImageFailureRule(string ImagePattern, int ExitCode = 1, bool PullFailure = false);
