namespace EcsOperator.Simulator.Model;

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
