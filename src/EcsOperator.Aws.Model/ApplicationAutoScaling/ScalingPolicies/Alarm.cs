namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents a CloudWatch alarm associated with a scaling policy.
/// </summary>
public sealed record Alarm
{
    public string? AlarmName { get; init; }

    public string? AlarmARN { get; init; }
}
