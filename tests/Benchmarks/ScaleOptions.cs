using EcsOperator.Testing;

namespace EcsOperator.Benchmarks;

/// <summary>What one benchmark run does.</summary>
public sealed record ScaleOptions
{
    /// <summary>EcsServices to create (each with its own EcsTaskDefinition).</summary>
    public int Services { get; init; } = 100;

    /// <summary>The operator's resync interval; the steady-state phase waits for one sweep.</summary>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Parallel reconciles per kind in the operator, and the raw sequence's concurrency.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>The operator assembly to run as a separate process (built beforehand in Release).</summary>
    public string OperatorDll { get; init; } =
        Path.Combine(RepoPaths.Root, "src", "EcsOperator", "bin", "Release", "net10.0", "ecs-operator.dll");

    /// <summary>Whether the client-side AWS rate limits stay at their defaults (true) or are lifted (false), for both sides.</summary>
    public bool RateLimits { get; init; }

    /// <summary>Skip the raw baseline (e.g. for the memory run at N = 5,000).</summary>
    public bool SkipRaw { get; init; }

    /// <summary>Run only the raw baseline against the simulator (no Kubernetes API server, no operator): measures the simulator.</summary>
    public bool RawOnly { get; init; }

    /// <summary>Resync intervals of the steady-state window after all Ready (0 skips it, e.g. for a convergence-only run).</summary>
    public int SteadyIntervals { get; init; } = 3;

    /// <summary>Extra environment of the operator process (e.g. GC settings to compare), applied last.</summary>
    public IReadOnlyDictionary<string, string> OperatorEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Other operator executables (e.g. the Native AOT binary of <c>scripts/publish.sh --aot</c>) whose start → first
    /// reconcile is measured in the same session, alternating with <see cref="OperatorDll"/>.
    /// </summary>
    public IReadOnlyList<string> CompareOperators { get; init; } = [];

    /// <summary>Start → first reconcile measurements per executable (min / median are reported); the last start of <see cref="OperatorDll"/> is the run's operator.</summary>
    public int StartupRuns { get; init; } = 1;

    /// <summary>EcsServices whose desiredCount changes after the steady-state window (null: 100, or 0 when the window is skipped).</summary>
    public int? SpecChanges { get; init; }

    /// <summary>Time between two spec changes.</summary>
    public TimeSpan SpecChangePace { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Count Ready EcsServices the old way, listing all N from the API server every 20 ms (O(N) per poll, on the
    /// operator's cores), instead of from the API server's writes: only to measure what that check cost.
    /// </summary>
    public bool PollReadyCheck { get; init; }

    /// <summary>
    /// Also run <see cref="Benchmarks.KubernetesFloor"/> after the raw sequence: the raw sequence plus the least an
    /// operator must write to Kubernetes, the lowest all-Ready time any operator can reach on this instrument.
    /// </summary>
    public bool KubernetesFloor { get; init; }

    /// <summary>Real time per simulator tick (15 simulated seconds).</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(200);
}
