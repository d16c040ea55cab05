using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Model;

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
