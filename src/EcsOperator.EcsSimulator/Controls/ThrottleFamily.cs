namespace EcsOperator.Simulator.Controls;

/// <summary>
/// Operation groups that share a throttling bucket, as ECS throttles: reads (Describe*/List*) separately from
/// mutations, and RunTask on its own.
/// </summary>
public enum ThrottleFamily
{
    /// <summary>Describe* and List* operations.</summary>
    Read,

    /// <summary>Everything that changes state, except RunTask.</summary>
    Mutate,

    /// <summary>RunTask.</summary>
    RunTask,
}
