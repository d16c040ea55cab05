using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Model;

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
