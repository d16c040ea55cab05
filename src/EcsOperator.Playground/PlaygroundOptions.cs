namespace EcsOperator.Playground;

/// <summary>Where the playground listens and writes, and how fast its simulated ECS moves.</summary>
public sealed record PlaygroundOptions
{
    /// <summary>The kubeconfig written for kubectl; the operator's log goes next to it.</summary>
    public string Kubeconfig { get; init; } = DefaultKubeconfig;

    /// <summary>Loopback port of the Kubernetes API server; 0 picks a free one.</summary>
    public int ApiPort { get; init; }

    /// <summary>Loopback port of the ECS simulator; 0 picks a free one.</summary>
    public int EcsPort { get; init; }

    /// <summary>Real time between two simulator steps (a task starts in two steps).</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the operator may take to report ready before the playground gives up.</summary>
    public TimeSpan OperatorStartTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary><c>$TMPDIR/ecs-operator-playground/kubeconfig</c>: outside the user's own kubeconfig on purpose.</summary>
    public static string DefaultKubeconfig => Path.Combine(Path.GetTempPath(), "ecs-operator-playground", "kubeconfig");
}
