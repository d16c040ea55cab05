using EcsOperator.Simulator.Model;

namespace EcsOperator.Simulator;

/// <summary>Controls and observations of Auto Scaling group capacity providers and their managed scaling.</summary>
public sealed partial class EcsSimulator
{
    /// <summary>
    /// Declares the Auto Scaling group <paramref name="arnOrName"/>: the size of the instances it launches and its
    /// maximum size (undeclared groups launch 2048 CPU units / 3904 MiB t3.medium instances, at most 100).
    /// </summary>
    public void DefineAutoScalingGroup(string arnOrName, int cpu = 2048, int memory = 3904, string instanceType = "t3.medium", int maxSize = 100)
    {
        ArgumentException.ThrowIfNullOrEmpty(arnOrName);
        lock (_state.Gate)
        {
            _state.AutoScalingGroups[arnOrName] = new SimAutoScalingGroup(cpu, memory, instanceType, maxSize);
        }
    }

    /// <summary>
    /// The provider's CapacityProviderReservation metric as of the last tick (what ECS publishes to CloudWatch under
    /// AWS/ECS/ManagedScaling, ClusterName + CapacityProviderName); null before the first tick or for an unknown provider.
    /// </summary>
    public double? CapacityProviderReservation(string capacityProvider)
    {
        lock (_state.Gate)
        {
            return _state.CapacityProviders.TryGetValue(capacityProvider, out var provider) ? provider.Reservation : null;
        }
    }

    /// <summary>The container instance ARNs the provider's Auto Scaling group launched that are still ACTIVE.</summary>
    public IReadOnlyList<string> CapacityProviderInstances(string capacityProvider)
    {
        lock (_state.Gate)
        {
            return _state.CapacityProviders.TryGetValue(capacityProvider, out var provider)
                ? [.. provider.Instances.Where(i => i.Status == "ACTIVE").Select(i => i.Arn)]
                : [];
        }
    }

    /// <summary>The provider's scale-out activities, oldest first: when, and the group size before and after.</summary>
    public IReadOnlyList<(DateTimeOffset At, int From, int To)> CapacityProviderScaleOuts(string capacityProvider)
    {
        lock (_state.Gate)
        {
            return _state.CapacityProviders.TryGetValue(capacityProvider, out var provider) ? [.. provider.ScaleOuts] : [];
        }
    }
}
