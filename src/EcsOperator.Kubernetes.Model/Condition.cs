namespace EcsOperator.Kubernetes.Model;

/// <summary>
/// metav1.Condition: one aspect of an object's state. <see cref="LastTransitionTime"/> changes only when
/// <see cref="Status"/> does, so watchers can tell how long a state has held.
/// </summary>
public sealed record Condition
{
    /// <summary>The condition type, e.g. <c>Ready</c>, <c>Reconciling</c>, <c>Stalled</c>, <c>Drifted</c>.</summary>
    public required string Type { get; init; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The <c>metadata.generation</c> this condition was computed for.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>When <see cref="Status"/> last changed.</summary>
    public required DateTimeOffset LastTransitionTime { get; init; }

    /// <summary>A CamelCase word for programs: why the condition is in this state.</summary>
    public required string Reason { get; init; }

    /// <summary>A sentence for humans: what is going on and, when stuck, what to do.</summary>
    public required string Message { get; init; }
}
