using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Simulator;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;
using Microsoft.Extensions.DependencyInjection;
using RestResourceType = EcsOperator.Kubernetes.Rest.ResourceType;

namespace EcsOperator.Benchmarks;

/// <summary>
/// One run: the raw baseline, then the operator process creating N EcsServices (each with its own
/// EcsTaskDefinition) until all are Ready, then one steady-state resync window.
/// </summary>
public static class ScaleBenchmark
{
    private static readonly string[] Mutations =
        ["ecs:RegisterTaskDefinition", "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", "ecs:TagResource", "ecs:UntagResource", "ecs:DeregisterTaskDefinition"];

    public static async Task<ScaleResult> RunAsync(ScaleOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var crds = Directory.GetFiles(RepoPaths.Crds, "*.yaml");
        await using var kube = await KubeApiTestServer.StartAsync(
            new KubeApiTestServerOptions { CrdFiles = crds, HistoryWindow = 100_000, BookmarkInterval = null }, cancellationToken);
        await using var sim = await EcsSimulator.StartAsync(new EcsSimulatorOptions { RealTimeTickInterval = options.TickInterval }, cancellationToken);
        log.WriteLine($"kube {kube.BaseAddress}  ecs {sim.BaseAddress}  N={options.Services}  workers={options.Workers}  rate limits {(options.RateLimits ? "default" : "off")}");

        // Both sides run their services in the default cluster, which (as in a fresh account) must be created first.
        await using var aws = SimulatorAwsClients.Create(sim.BaseAddress, options.RateLimits);
        await aws.GetRequiredService<IEcsApi>().CreateClusterAsync(new CreateClusterRequest { ClusterName = "default" }, cancellationToken);
        var raw = TimeSpan.Zero;
        RawSequence.Run? rawRun = null;
        if (!options.SkipRaw)
        {
            rawRun = await RawSequence.RunAsync(aws.GetRequiredService<IEcsApi>(), options.Services, options.Workers, options.TickInterval, cancellationToken);
            raw = rawRun.Total;
            log.WriteLine($"raw sequence: {raw.TotalSeconds:F1} s ({rawRun.Created.TotalSeconds:F1} s registering and creating), {sim.Calls.Total} calls");
            sim.Calls.Reset();
        }

        KubernetesFloor.Run? floorRun = null;
        if (options.KubernetesFloor)
        {
            // A small run first: the benchmark process JIT-compiles the Kubernetes client and the API server's write
            // path there, not in the measured run (the operator phase finds them compiled by then, too).
            await KubernetesFloor.RunAsync(options with { Services = Math.Min(options.Services, 50) }, cancellationToken);
            floorRun = await KubernetesFloor.RunAsync(options, cancellationToken);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Kubernetes floor (raw sequence + the least an operator writes, own API server and simulator): {floorRun.Total.TotalSeconds:F1} s"
                + $" ({floorRun.Created.TotalSeconds:F1} s creating the objects, {floorRun.KubernetesWrites} writes, {floorRun.Cpu.TotalSeconds:F1} s CPU){(raw > TimeSpan.Zero ? $" = {floorRun.Total / raw:F2}x the raw sequence" : "")}"));
        }

        var workload = WorkloadClients.For(kube.BaseAddress);
        var (taskDefinitions, services) = (workload.TaskDefinitions, workload.Services);

        // Start → first reconcile: one EcsTaskDefinition exists before the process starts; its first status write ends
        // the wait. Each comparison executable (e.g. the AOT binary) starts as often as the run's operator, alternately.
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"ecs-operator-bench-{Environment.ProcessId}.kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, kube.KubeconfigYaml(defaultNamespace: "ecs-operator"), cancellationToken);
        using var metrics = MetricsScraper.Create(kube);
        var environment = OperatorEnvironment(kubeconfig, sim.BaseAddress, metrics.Port, MetricsScraper.FreePort(), options);
        var starts = new List<StartMeasurement>();
        var probes = 0;
        async Task<(OperatorProcess Process, string LogFile)> StartAsync(string path)
        {
            var probe = $"probe-{probes++}";
            await taskDefinitions.CreateAsync(Workload.TaskDefinition(-1) with { Metadata = new() { Name = probe, Namespace = Workload.Namespace } }, cancellationToken);
            sim.Calls.Reset();
            var logFile = Path.Combine(Path.GetTempPath(), $"ecs-operator-bench-{Environment.ProcessId}-{probe}.log");
            // A lease of its own: the previous start was killed without releasing its lease (a takeover would wait 15 s).
            var started = OperatorProcess.Start(path, new Dictionary<string, string>(environment) { ["ECS_OPERATOR_LEADER_ELECTION_LEASE_NAME"] = $"bench-{probe}" }, logFile);
            DateTimeOffset? firstCall = null;
            var reconciled = await WaitAsync(() =>
            {
                if (firstCall is null && sim.Calls.Total > 0)
                    firstCall = DateTimeOffset.UtcNow;
                return HasStatus(kube.GetObject(Kinds.TaskDefinition.Group, Kinds.TaskDefinition.Plural, Workload.Namespace, probe));
            }, TimeSpan.FromSeconds(60), started, logFile, cancellationToken, poll: TimeSpan.FromMilliseconds(5));
            // The trace's last line follows the status write; the log is read asynchronously.
            var phases = StartMeasurement.ReadPhases(logFile);
            for (var i = 0; i < 40 && !phases.Any(p => p.Phase.StartsWith("first reconcile", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(50, cancellationToken);
                phases = StartMeasurement.ReadPhases(logFile);
            }

            var measured = new StartMeasurement
            {
                Operator = StartMeasurement.Label(path),
                FromProcessStart = reconciled - started.KernelStartedAt,
                FromSpawn = reconciled - started.StartedAt,
                FirstAwsCall = firstCall - started.KernelStartedAt,
                Phases = phases,
            };
            starts.Add(measured);
            log.WriteLine(measured.Format());
            return (started, logFile);
        }

        for (var run = 0; run < options.StartupRuns; run++)
        {
            foreach (var other in options.CompareOperators)
                await (await StartAsync(other)).Process.DisposeAsync();
            if (run < options.StartupRuns - 1)
                await (await StartAsync(options.OperatorDll)).Process.DisposeAsync();
        }

        var (process, logFile) = await StartAsync(options.OperatorDll);
        await using var _ = process;
        var firstReconcile = starts[^1].FromProcessStart;
        var mainStarts = starts.Where(s => s.Operator == starts[^1].Operator).Select(s => s.FromProcessStart).Order().ToArray();
        log.WriteLine($"process start -> first reconcile: {firstReconcile.TotalMilliseconds:F0} ms");
        sim.Calls.Reset();

        // Create N pairs, then wait for every EcsService to be Ready for its generation. The tracker counts Ready
        // services from the API server's writes (O(writes)); "poll" is the old check, listing all N every 20 ms.
        using var tracker = new ConvergenceTracker(kube, sim, options.Services);
        var benchmarkCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var operatorCpu = process.CpuTime();
        var pollTicks = 0L;
        int PolledReady()
        {
            var began = Stopwatch.GetTimestamp();
            var n = kube.ListObjects(Kinds.Service.Group, Kinds.Service.Plural, Workload.Namespace).Count(ConvergenceTracker.IsReady);
            pollTicks += Stopwatch.GetTimestamp() - began;
            return n;
        }

        int ReadyNow() => options.PollReadyCheck ? PolledReady() : tracker.ReadyCount;
        tracker.Start();
        var clock = Stopwatch.StartNew();
        await workload.CreatePairsAsync(options.Services, cancellationToken);
        var created = clock.Elapsed;
        log.WriteLine($"created {options.Services} EcsTaskDefinitions + EcsServices in {created.TotalSeconds:F1} s");
        var peakDuringCreate = 0.0;
        await WaitAsync(() =>
        {
            peakDuringCreate = Math.Max(peakDuringCreate, process.RssMiB());
            return ReadyNow() == options.Services;
        }, TimeSpan.FromMinutes(60), process, logFile, cancellationToken, progress: () =>
            $"{ReadyNow()}/{options.Services} Ready, RSS {process.RssMiB():F0} MiB",
            log: log);
        var allReady = options.PollReadyCheck ? clock.Elapsed : tracker.AllReady ?? clock.Elapsed;
        var createCalls = sim.Calls.Snapshot();
        log.WriteLine($"all Ready after {allReady.TotalSeconds:F1} s; AWS calls: {Format(createCalls)}");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU until all Ready: operator {(process.CpuTime() - operatorCpu).TotalSeconds:F1} s, benchmark process (API server, simulator, Ready check) "
            + $"{(Process.GetCurrentProcess().TotalProcessorTime - benchmarkCpu).TotalSeconds:F1} s; Ready check ({(options.PollReadyCheck ? "poll: list all every 20 ms" : "watch")}): "
            + $"{(options.PollReadyCheck ? Stopwatch.GetElapsedTime(0, pollTicks) : tracker.CheckTime).TotalMilliseconds:F0} ms"));
        foreach (var line in tracker.Summary())
            log.WriteLine(line);
        if (rawRun is not null)
        {
            // No operator can be Ready before its objects exist, and after the last CreateService ECS still needs the
            // ticks the raw sequence waited for: that sum is the floor this instrument allows, whatever the operator does.
            var floor = created + (rawRun.Total - rawRun.Created);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"floor: last object created at {created.TotalSeconds:F1} s + the raw sequence's wait for steady {(rawRun.Total - rawRun.Created).TotalSeconds:F1} s = {floor.TotalSeconds:F1} s = {floor / raw:F2}x the raw sequence"));
        }

        if (floorRun is not null)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"operator against the Kubernetes floor: {allReady.TotalSeconds:F1} s / {floorRun.Total.TotalSeconds:F1} s = {allReady / floorRun.Total:F2}x"));
        }
        tracker.Dispose();
        foreach (var line in await OperatorTimeAsync(metrics, cancellationToken))
            log.WriteLine(line);

        // Steady state: SteadyIntervals resync intervals with nothing changing. Every AWS read there is resync cost, and
        // every write to our kinds (spec, status, metadata) is a reconcile that found something to change: the target is none.
        sim.Calls.Reset();
        kube.ResetRequestLog();
        var window = options.ResyncInterval * options.SteadyIntervals;
        var reconcilesBefore = options.SteadyIntervals > 0 ? await ReconcilesAsync(metrics, log, cancellationToken) : null;
        await Task.Delay(window, cancellationToken);
        var steadyCalls = sim.Calls.Snapshot();
        var reconcilesAfter = reconcilesBefore is null ? null : await ReconcilesAsync(metrics, log, cancellationToken);
        var steadyKubeWrites = kube.Requests.Count(r => r.Verb is "create" or "update" or "patch" or "delete"
            && r.Group == Kinds.Service.Group && r.Resource is not null && r.Resource.StartsWith("ecs", StringComparison.Ordinal));
        var resyncs = Math.Max(1, options.SteadyIntervals);
        log.WriteLine($"steady state over {window.TotalSeconds:F0} s ({options.SteadyIntervals} resync intervals): {Format(steadyCalls)}; writes to our kinds: {steadyKubeWrites}");
        // Reconciles in the window by kind, per object of that kind per interval: the resync itself is one each.
        var objects = new Dictionary<string, int>(StringComparer.Ordinal) { ["EcsService"] = options.Services, ["EcsTaskDefinition"] = options.Services + probes };
        var reconcilesPerObject = new Dictionary<string, double>(StringComparer.Ordinal);
        if (reconcilesBefore is not null && reconcilesAfter is not null)
        {
            foreach (var (kind, after) in reconcilesAfter)
            {
                var delta = after - reconcilesBefore.GetValueOrDefault(kind);
                if (objects.TryGetValue(kind, out var n))
                    reconcilesPerObject[kind] = delta / (n * (double)resyncs);
                else if (delta > 0)
                    reconcilesPerObject[kind + " (total, no objects)"] = delta;
            }

            log.WriteLine("reconciles in the steady state: " + string.Join(", ", reconcilesAfter.Select(r => $"{r.Key}={r.Value - reconcilesBefore.GetValueOrDefault(r.Key)}")));
        }

        // Spec change → AWS call, after the window (so the window above saw nothing changing).
        var specChanges = Math.Min(options.Services, options.SpecChanges ?? (options.SteadyIntervals > 0 ? 100 : 0));
        SpecChangeLatency.Result? latency = null;
        if (specChanges > 0)
        {
            latency = await SpecChangeLatency.RunAsync(services, sim, options.Services, specChanges, options.SpecChangePace,
                options.ResyncInterval + TimeSpan.FromSeconds(10), cancellationToken);
            log.WriteLine(latency.Format());
        }

        return new ScaleResult
        {
            Services = options.Services,
            Workers = options.Workers,
            RateLimits = options.RateLimits,
            Raw = options.SkipRaw ? null : raw,
            AllReady = allReady,
            ObjectCreation = created,
            CallsPerServiceAtCreate = createCalls.Where(c => c.Key.Contains(':', StringComparison.Ordinal)).Sum(c => c.Value) / (double)options.Services,
            SteadyState = options.SteadyIntervals > 0,
            DescribeServicesPerServicePerResync = Count(steadyCalls, "ecs:DescribeServices") / (options.Services * resyncs),
            // The probes are the EcsTaskDefinitions that existed before each operator start.
            TaskDefinitionReadsPerObjectPerResync = (Count(steadyCalls, "ecs:ListTaskDefinitions") + Count(steadyCalls, "ecs:DescribeTaskDefinition"))
                / ((options.Services + probes) * resyncs),
            MutationsInSteadyState = Mutations.Sum(m => Count(steadyCalls, m)),
            KubeWritesInSteadyState = steadyKubeWrites,
            PeakRssMiB = process.PeakRssMiB(),
            // The median of the run's operator's starts (one unless --startup-runs).
            StartToFirstReconcile = mainStarts[mainStarts.Length / 2],
            Starts = starts,
            ReconcilesPerObjectPerResync = reconcilesPerObject,
            SpecChanges = latency,
        };
    }

    /// <summary>The raw baseline alone against a fresh simulator: what the simulator itself costs for N services.</summary>
    public static async Task<TimeSpan> RunRawOnlyAsync(ScaleOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        await using var sim = await EcsSimulator.StartAsync(new EcsSimulatorOptions { RealTimeTickInterval = options.TickInterval }, cancellationToken);
        await using var aws = SimulatorAwsClients.Create(sim.BaseAddress, options.RateLimits);
        var ecs = aws.GetRequiredService<IEcsApi>();
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "default" }, cancellationToken);
        var raw = await RawSequence.RunAsync(ecs, options.Services, options.Workers, options.TickInterval, cancellationToken);
        log.WriteLine($"raw sequence: {raw.Total.TotalSeconds:F1} s ({raw.Created.TotalSeconds:F1} s registering and creating), {sim.Calls.Total} calls, {sim.TickCount} ticks");
        return raw.Total;
    }

    /// <summary>k8s.controller.reconciles by kind, or null (logged) when the scrape fails.</summary>
    /// <summary>
    /// Where the operator's time went until all Ready, from its own histograms (mean per sample): the wait for a worker
    /// and the work per key by queue, each Kubernetes request by verb, each AWS call by operation. A key's work is
    /// mostly the round trips it awaits, so this says whether the wait is for workers or for the servers.
    /// </summary>
    private static async Task<IEnumerable<string>> OperatorTimeAsync(MetricsScraper metrics, CancellationToken cancellationToken)
    {
        try
        {
            var lines = new List<string> { "operator time until all Ready (mean ms per sample, samples):" };
            foreach (var (metric, label) in new[]
            {
                ("k8s_workqueue_queue_duration_seconds", "name"), ("k8s_workqueue_work_duration_seconds", "name"),
                ("k8s_client_request_duration_seconds", "verb"), ("aws_client_duration_seconds", "rpc_method"),
            })
            {
                var sums = await metrics.SumByAsync(metric + "_sum", label, cancellationToken);
                var counts = await metrics.SumByAsync(metric + "_count", label, cancellationToken);
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"  {metric}: ")
                    + string.Join(", ", sums.Where(s => counts.GetValueOrDefault(s.Key) > 0).OrderBy(s => s.Key, StringComparer.Ordinal)
                        .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} {1000 * s.Value / counts[s.Key]:F1} ({counts[s.Key]:F0})"))));
            }

            return lines;
        }
        catch (HttpRequestException e)
        {
            return [$"cannot scrape the operator's metrics: {e.Message}"];
        }
    }

    private static async Task<IReadOnlyDictionary<string, double>?> ReconcilesAsync(MetricsScraper metrics, TextWriter log, CancellationToken cancellationToken)
    {
        try
        {
            return await metrics.SumByAsync("k8s_controller_reconciles_total", "kind", cancellationToken);
        }
        catch (HttpRequestException e)
        {
            log.WriteLine($"cannot scrape the operator's metrics: {e.Message}");
            return null;
        }
    }

    private static Dictionary<string, string> OperatorEnvironment(string kubeconfig, Uri ecs, int metricsPort, int healthPort, ScaleOptions options) => new Dictionary<string, string>
    {
        ["KUBECONFIG"] = kubeconfig,
        ["AWS_REGION"] = SimulatorAwsClients.Region,
        ["AWS_ACCESS_KEY_ID"] = SimulatorAwsClients.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SimulatorAwsClients.SecretAccessKey,
        ["AWS_ENDPOINT_URL"] = ecs.ToString(),
        // As deployed: leader election on, the cluster id read from kube-system, probes and secure metrics listening.
        ["ECS_OPERATOR_LEADER_ELECTION"] = "true",
        ["ECS_OPERATOR_LEADER_ELECTION_NAMESPACE"] = Workload.Namespace,
        ["ECS_OPERATOR_WORKERS"] = options.Workers.ToString(CultureInfo.InvariantCulture),
        ["ECS_OPERATOR_RESYNC_INTERVAL"] = $"{(int)options.ResyncInterval.TotalSeconds}s",
        ["ECS_OPERATOR_NAMESPACES"] = Workload.Namespace,
        ["ECS_OPERATOR_HEALTH_PORT"] = healthPort.ToString(CultureInfo.InvariantCulture),
        // Secure metrics as deployed (HTTPS, TokenReview + SubjectAccessReview), on a port picked free by the scraper:
        // a fixed 8443 fails the second of two runs on one machine (the operator exits at start).
        ["ECS_OPERATOR_METRICS_PORT"] = metricsPort.ToString(CultureInfo.InvariantCulture),
        ["ECS_OPERATOR_METRICS_SECURE"] = "true",
        ["ECS_OPERATOR_HEALTH_ADDRESS"] = "127.0.0.1",
        ["ECS_OPERATOR_LOG_LEVEL"] = "warning",
        // The startup trace alone at Debug: a dozen lines, timed from the process start.
        ["Logging__LogLevel__EcsOperator.Startup"] = "Debug",
        ["Aws__RateLimits__Enabled"] = options.RateLimits ? "true" : "false",
        // The simulator runs one 15 s ECS tick per TickInterval of real time; the operator's rollout recheck (15 s
        // against real ECS) is scaled the same way, so both sides poll the same simulated period.
        ["Operator__RolloutRecheckInterval"] = options.TickInterval.ToString("c", CultureInfo.InvariantCulture),
        ["DOTNET_gcServer"] = "0",
    }.Concat(options.RateLimits
        ? []
        // The Kubernetes client's own limit is lifted unless rate limits are on (then it is the operator's default):
        // the baseline talks to AWS only, so the comparison is of the operator's work, not of a configured throttle.
        // Lifted means far above any rate the operator reaches: at N = 1,000 it sends about 1,100 requests a second
        // (finalizers, statuses, Events), so the 1,000 / s used before throttled it and hid half its speed.
        : new Dictionary<string, string> { ["Kubernetes__Qps"] = "1000000", ["Kubernetes__Burst"] = "1000000" })
        .Concat(options.OperatorEnvironment).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    internal static RestResourceType Of(Api.KindDefinition kind) => new(kind.Group, kind.Version, kind.Plural, kind.Kind, Namespaced: true);

    private static bool HasStatus(JsonObject? obj) => obj?["status"]?["observedGeneration"] is not null;

    private static double Count(IReadOnlyDictionary<string, int> calls, string operation) => calls.TryGetValue(operation, out var n) ? n : 0;

    private static string Format(IReadOnlyDictionary<string, int> calls) =>
        string.Join(", ", calls.Where(c => c.Key.Contains(':', StringComparison.Ordinal)).OrderByDescending(c => c.Value).Select(c => $"{c.Key}={c.Value}"));

    private static async Task<DateTimeOffset> WaitAsync(Func<bool> done, TimeSpan timeout, OperatorProcess process, string logFile,
        CancellationToken cancellationToken, Func<string>? progress = null, TextWriter? log = null, TimeSpan? poll = null)
    {
        var deadline = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        while (!done())
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the operator exited; its log is {logFile}");
            if (deadline.Elapsed > timeout)
                throw new TimeoutException($"not done after {timeout}; the operator's log is {logFile}");
            if (progress is not null && log is not null && lastReport.Elapsed > TimeSpan.FromSeconds(10))
            {
                log.WriteLine($"  {deadline.Elapsed.TotalSeconds:F0} s: {progress()}");
                lastReport.Restart();
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        return DateTimeOffset.UtcNow;
    }
}
