using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Model;

/// <summary>An Application Auto Scaling scalable target for an ECS service's desired count.</summary>
internal sealed class SimScalableTarget
{
    public required string ResourceId { get; init; }

    public required string ScalableDimension { get; init; }

    public required string Arn { get; init; }

    public int MinCapacity { get; set; }

    public int MaxCapacity { get; set; }

    public required string RoleArn { get; set; }

    public JsonObject? SuspendedState { get; set; }

    public DateTimeOffset CreationTime { get; init; }
}

/// <summary>A scaling policy attached to a scalable target.</summary>
internal sealed class SimScalingPolicy
{
    public required string PolicyName { get; init; }

    public required string PolicyArn { get; init; }

    public required string ResourceId { get; init; }

    public required string ScalableDimension { get; init; }

    public required string PolicyType { get; set; }

    public JsonObject? StepScalingPolicyConfiguration { get; set; }

    public JsonObject? TargetTrackingScalingPolicyConfiguration { get; set; }

    public JsonObject? PredictiveScalingPolicyConfiguration { get; set; }

    public JsonArray Alarms { get; set; } = [];

    public DateTimeOffset CreationTime { get; init; }
}

/// <summary>A scheduled action on a scalable target.</summary>
internal sealed class SimScheduledAction
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public required string ResourceId { get; init; }

    public required string ScalableDimension { get; init; }

    public required string Schedule { get; set; }

    public string? Timezone { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public JsonObject? ScalableTargetAction { get; set; }

    public DateTimeOffset CreationTime { get; init; }

    /// <summary>For <c>at(...)</c> schedules: set once the simulator clock passed the time and the action ran.</summary>
    public bool Executed { get; set; }
}

/// <summary>A record of a capacity change made by Application Auto Scaling.</summary>
internal sealed class SimScalingActivity
{
    public required string ActivityId { get; init; }

    public required string ResourceId { get; init; }

    public required string ScalableDimension { get; init; }

    public required string Description { get; init; }

    public required string Cause { get; init; }

    public DateTimeOffset StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    public string StatusCode { get; init; } = "Successful";

    public string? StatusMessage { get; init; }
}
