using EcsOperator.Kubernetes.Leader;

namespace EcsOperator.Kubernetes.Hosting;

/// <summary>Whether and how the controller host elects a leader.</summary>
public sealed class ControllerHostOptions
{
    public bool LeaderElection { get; set; } = true;

    /// <summary>Lease timing and identity; LeaseNamespace defaults to the client's namespace.</summary>
    public LeaderElectionOptions Election { get; set; } = new();
}
