namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Specifies whether the scaling activities for a scalable target are in a suspended state.
/// </summary>
public sealed record SuspendedState
{
    /// <summary>
    /// Whether scale in by a target tracking scaling policy or a step scaling policy is suspended. The default is
    /// false.
    /// </summary>
    public bool? DynamicScalingInSuspended { get; init; }

    /// <summary>
    /// Whether scale out by a target tracking scaling policy or a step scaling policy is suspended. The default is
    /// false.
    /// </summary>
    public bool? DynamicScalingOutSuspended { get; init; }

    /// <summary>
    /// Whether scheduled scaling is suspended. Set the value to true if you don't want Application Auto Scaling to
    /// add or remove capacity by initiating scheduled actions. The default is false.
    /// </summary>
    public bool? ScheduledScalingSuspended { get; init; }
}
