namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>PutScalingPolicy</c> operation.
/// </summary>
public sealed record PutScalingPolicyResponse
{
    public string? PolicyARN { get; init; }

    public IReadOnlyList<Alarm>? Alarms { get; init; }
}
