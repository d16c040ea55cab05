namespace EcsOperator.Reconcilers.Services;

/// <summary>The cluster an EcsService runs in.</summary>
/// <param name="Name">The cluster name or ARN to send to ECS; null while <paramref name="WaitingFor"/> says why not.</param>
/// <param name="WaitingFor">What is missing (a referenced EcsCluster that does not exist or is not Ready).</param>
/// <param name="NotYetObserved">The referenced EcsCluster's controller has not looked at its current generation yet.</param>
public sealed record ClusterResolution(string? Name, string? WaitingFor, bool NotYetObserved = false);
