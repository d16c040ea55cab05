namespace EcsOperator.Chaos.Tests;

/// <summary>What one scheduled step does.</summary>
public enum StepKind
{
    EditImage,
    Scale,
    DeleteService,
    RecreateService,
    CreateTask,
    DeleteTask,
    DeleteCluster,
    RecreateCluster,
    DeleteSoloTaskDefinition,
    RecreateSoloTaskDefinition,
    Drift,
    AwsFaults,
    KubeFault,
    KubeApiDown,
    KubeStoreRestore,
    Kill,
}

/// <summary>
/// One step of a run's schedule, with every random choice drawn when the schedule is made (from the seed), so the
/// same seed replays the same steps at the same offsets.
/// </summary>
/// <param name="At">Offset from the start of the chaos phase.</param>
/// <param name="Kind">What the step does.</param>
/// <param name="Pick">A random number the step uses to choose its target or value.</param>
/// <param name="Fault">The fault kind, for fault steps.</param>
/// <param name="Duration">How long a fault window, an outage or a snapshot lasts; the restart delay of a kill.</param>
/// <param name="Probability">The chance that one matching AWS request is hit, or the size of a Kubernetes burst.</param>
/// <param name="Operation">The AWS operation a window targets ("*" = any).</param>
public sealed record ChaosStep(TimeSpan At, StepKind Kind, int Pick, FaultKind? Fault = null, TimeSpan Duration = default,
    double Probability = 0, string Operation = "*")
{
    public override string ToString() =>
        $"{At.TotalSeconds,6:F2}s {Kind}{(Fault is { } f ? " " + f : "")}{(Operation != "*" ? " " + Operation : "")}" +
        $"{(Duration > TimeSpan.Zero ? $" for {Duration.TotalSeconds:F1}s" : "")}{(Probability > 0 ? $" p={Probability:F2}" : "")} #{Pick}";
}
