namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Represents the minimum and maximum capacity for a scheduled action.
/// </summary>
public sealed record ScalableTargetAction
{
    /// <summary>
    /// The minimum capacity set when the scheduled action runs.
    /// </summary>
    public int? MinCapacity { get; init; }

    /// <summary>
    /// The maximum capacity set when the scheduled action runs.
    /// </summary>
    public int? MaxCapacity { get; init; }
}
