using EcsOperator.Api.Services;

namespace EcsOperator.Core.AutoScaling;

/// <summary>The desired count the operator may set while Application Auto Scaling owns it.</summary>
public static class AutoScalingDesiredCount
{
    /// <summary>
    /// The desired count to send on CreateService: the spec's count (or the minimum) clamped into
    /// [minCapacity, maxCapacity], so the autoscaler starts from a count it accepts and does not immediately scale.
    /// After creation the operator never sets it again.
    /// </summary>
    public static int OnCreate(ServiceAutoScaling autoScaling, int? specDesiredCount)
    {
        ArgumentNullException.ThrowIfNull(autoScaling);
        if (autoScaling.MinCapacity > autoScaling.MaxCapacity)
            throw new ArgumentException($"autoScaling.minCapacity ({autoScaling.MinCapacity}) exceeds maxCapacity ({autoScaling.MaxCapacity})", nameof(autoScaling));
        return Math.Clamp(specDesiredCount ?? autoScaling.MinCapacity, autoScaling.MinCapacity, autoScaling.MaxCapacity);
    }
}
