namespace EcsOperator.Chaos.Tests;

/// <summary>Draws a run's steps from its seed: user edits and drift, AWS fault windows, API server faults, kills.</summary>
public static class ChaosSchedule
{
    private static readonly string[] Operations =
    [
        "*", "*", "*", "CreateService", "UpdateService", "DeleteService", "DescribeServices", "RegisterTaskDefinition",
        "DeregisterTaskDefinition", "ListTaskDefinitions", "DescribeTaskDefinition", "RunTask", "DescribeTasks", "StopTask",
        "TagResource", "CreateCluster", "DeleteCluster", "DescribeClusters", "RegisterScalableTarget", "PutScalingPolicy",
        "DescribeScalableTargets", "DeregisterScalableTarget",
    ];

    private static readonly (StepKind Kind, int Weight)[] UserSteps =
    [
        (StepKind.EditImage, 5), (StepKind.Scale, 4), (StepKind.DeleteService, 2), (StepKind.RecreateService, 3),
        (StepKind.CreateTask, 3), (StepKind.DeleteTask, 1), (StepKind.DeleteCluster, 1), (StepKind.RecreateCluster, 2),
        (StepKind.DeleteSoloTaskDefinition, 1), (StepKind.RecreateSoloTaskDefinition, 2), (StepKind.Drift, 2),
    ];

    private static readonly FaultKind[] AwsKinds = [FaultKind.AwsThrottle, FaultKind.AwsServerError, FaultKind.AwsLatency, FaultKind.AwsConnectionReset];

    private static readonly FaultKind[] KubeKinds =
        [FaultKind.KubeWatchDrop, FaultKind.KubeCompaction, FaultKind.KubeServerError, FaultKind.KubeTooManyRequests, FaultKind.KubeStatusConflict];

    public static IReadOnlyList<ChaosStep> Create(int seed, TimeSpan chaos, TimeSpan renewDeadline)
    {
        var random = new Random(seed);
        var d = chaos.TotalSeconds;
        var steps = new List<ChaosStep>();
        TimeSpan At(double from, double to) => TimeSpan.FromSeconds(from + (random.NextDouble() * Math.Max(0, to - from)));

        var userTimes = new List<TimeSpan>();
        var weightSum = UserSteps.Sum(s => s.Weight);
        for (var i = 0; i < (int)(d * 0.9); i++)
        {
            var roll = random.Next(weightSum);
            var kind = UserSteps.First(s => (roll -= s.Weight) < 0).Kind;
            var at = At(0.3, d - 0.5);
            userTimes.Add(at);
            steps.Add(new ChaosStep(at, kind, random.Next(1000)));
        }

        for (var i = 0; i < (int)(d * 0.5); i++)
        {
            var kind = AwsKinds[random.Next(AwsKinds.Length)];
            // Half the windows open just before a user edit, when the operator is about to write to AWS.
            var start = random.NextDouble() < 0.5 && userTimes.Count > 0
                ? TimeSpan.FromSeconds(Math.Max(0, userTimes[random.Next(userTimes.Count)].TotalSeconds - (0.3 * random.NextDouble())))
                : At(0, d - 0.5);
            var operation = random.NextDouble() < 0.5 ? "*" : Operations[random.Next(Operations.Length)];
            var probability = kind == FaultKind.AwsConnectionReset ? 0.2 + (0.4 * random.NextDouble()) : 0.3 + (0.7 * random.NextDouble());
            var latency = TimeSpan.FromMilliseconds(200 + random.Next(1300));
            steps.Add(new ChaosStep(start, StepKind.AwsFaults, (int)latency.TotalMilliseconds, kind,
                TimeSpan.FromSeconds(0.5 + (2.5 * random.NextDouble())), probability, operation));
        }

        for (var i = 0; i < (int)(d * 0.4); i++)
        {
            var kind = KubeKinds[random.Next(KubeKinds.Length)];
            steps.Add(new ChaosStep(At(0, d - 0.5), StepKind.KubeFault, 2 + random.Next(14), kind));
        }

        if (random.NextDouble() < 0.5)
        {
            // Longer than the renew deadline: the leader must step down (and its process exits).
            steps.Add(new ChaosStep(At(1, d - 5), StepKind.KubeApiDown, 0, FaultKind.KubeApiDown,
                renewDeadline + TimeSpan.FromSeconds(0.5 + (1.5 * random.NextDouble()))));
        }

        if (random.NextDouble() < 0.5)
        {
            steps.Add(new ChaosStep(At(1, d - 3), StepKind.KubeStoreRestore, 0, FaultKind.KubeStoreRestore,
                TimeSpan.FromSeconds(0.7 + (1.8 * random.NextDouble()))));
        }

        // kill -9 of the leader just after a user edit: mid-create, mid-rollout, mid-delete.
        var kills = 1 + random.Next(2);
        for (var i = 0; i < kills && userTimes.Count > 0; i++)
        {
            var after = userTimes[random.Next(userTimes.Count)] + TimeSpan.FromMilliseconds(50 + random.Next(750));
            steps.Add(new ChaosStep(after, StepKind.Kill, 0, FaultKind.KillLeader, TimeSpan.FromMilliseconds(200 + random.Next(1800))));
        }

        if (random.NextDouble() < 0.3)
            steps.Add(new ChaosStep(At(0.5, d - 0.5), StepKind.Kill, 0, FaultKind.KillStandby, TimeSpan.FromMilliseconds(200 + random.Next(1800))));

        return [.. steps.OrderBy(s => s.At)];
    }
}
