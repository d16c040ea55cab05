namespace EcsOperator.Kubernetes.Leader;

/// <summary>Leader election timing (client-go defaults) and identity.</summary>
public sealed record LeaderElectionOptions
{
    /// <summary>This replica's identity (pod name); must differ between replicas.</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}_{Guid.NewGuid():N}";

    /// <summary>Lease name, e.g. <c>ecs-operator-leader</c>.</summary>
    public string LeaseName { get; init; } = "ecs-operator-leader";

    /// <summary>Namespace of the lease (the operator's namespace).</summary>
    public string? LeaseNamespace { get; init; }

    /// <summary>How long non-leaders wait after the last observed change before taking over.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A leader that has not renewed for this long stops leading (must be &lt; LeaseDuration).</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval between acquire / renew attempts.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Clear holderIdentity on shutdown so another replica takes over at once.</summary>
    public bool ReleaseOnCancel { get; init; } = true;

    internal void Validate()
    {
        if (RenewDeadline >= LeaseDuration)
        {
            throw new ArgumentException($"RenewDeadline ({RenewDeadline}) must be shorter than LeaseDuration ({LeaseDuration})");
        }

        if (RetryPeriod >= RenewDeadline)
        {
            throw new ArgumentException($"RetryPeriod ({RetryPeriod}) must be shorter than RenewDeadline ({RenewDeadline})");
        }

        if (string.IsNullOrEmpty(Identity))
        {
            throw new ArgumentException("Identity must not be empty");
        }
    }
}
