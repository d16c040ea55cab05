namespace EcsOperator.Simulator.Model;

/// <summary>
/// An Auto Scaling group capacity provider as the simulator stores it, with the state of its managed scaling: the
/// instances it launched, the last CapacityProviderReservation it computed, and when it last scaled out.
/// </summary>
internal sealed class SimCapacityProvider
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string AutoScalingGroupArn { get; init; }

    /// <summary>ACTIVE, or INACTIVE once deleted (still describable for a while).</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>Null after a create (ECS reports none), else the last update or delete state.</summary>
    public string? UpdateStatus { get; set; }

    public string? UpdateStatusReason { get; set; }

    public string ManagedScalingStatus { get; set; } = "DISABLED";

    public int TargetCapacity { get; set; } = 100;

    public int MinimumScalingStepSize { get; set; } = 1;

    public int MaximumScalingStepSize { get; set; } = 10000;

    public int InstanceWarmupPeriod { get; set; } = 300;

    public string ManagedTerminationProtection { get; set; } = "DISABLED";

    public string ManagedDraining { get; set; } = "ENABLED";

    public SimTags Tags { get; set; } = new();

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The Auto Scaling group's instances (as container instances once they joined a cluster).</summary>
    public List<SimContainerInstance> Instances { get; } = [];

    /// <summary>The CapacityProviderReservation metric (M / N × 100) of the last scheduler step; null before any.</summary>
    public double? Reservation { get; set; }

    /// <summary>Instances needed this step for tasks that found no room (reset every step).</summary>
    public int PendingTasks { get; set; }

    /// <summary>CPU units and MiB the tasks that found no room need (reset every step).</summary>
    public (int Cpu, int Memory) PendingResources { get; set; }

    public DateTimeOffset? LastScaleOutAt { get; set; }

    /// <summary>Scale-out activities, oldest first: when, from how many instances, to how many.</summary>
    public List<(DateTimeOffset At, int From, int To)> ScaleOuts { get; } = [];
}
