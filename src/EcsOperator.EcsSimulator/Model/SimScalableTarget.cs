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

    /// <summary>Tags by key (Application Auto Scaling tags are a map).</summary>
    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
