namespace EcsOperator.Api.Services;

/// <summary>The Application Auto Scaling resources the operator manages for the service.</summary>
public sealed record AutoScalingStatus
{
    /// <summary>The ARN of the scalable target (service/&lt;cluster&gt;/&lt;service&gt;, ecs:service:DesiredCount).</summary>
    public string? ScalableTargetArn { get; init; }

    /// <summary>The registered minimum capacity.</summary>
    public int? MinCapacity { get; init; }

    /// <summary>The registered maximum capacity.</summary>
    public int? MaxCapacity { get; init; }

    /// <summary>The ARNs of the target-tracking and step scaling policies.</summary>
    public IReadOnlyList<string>? PolicyArns { get; init; }

    /// <summary>The ARNs of the scheduled actions.</summary>
    public IReadOnlyList<string>? ScheduledActionArns { get; init; }
}
