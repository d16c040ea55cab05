using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Rest;
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
    private const string Region = "us-east-1";
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
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
        await using var aws = AwsClients(sim.BaseAddress, options.RateLimits);
        await aws.GetRequiredService<IEcsApi>().CreateClusterAsync(new CreateClusterRequest { ClusterName = "default" }, cancellationToken);
        var raw = TimeSpan.Zero;
        if (!options.SkipRaw)
        {
            raw = await RawSequence.RunAsync(aws.GetRequiredService<IEcsApi>(), options.Services, options.Workers, options.TickInterval, cancellationToken);
            log.WriteLine($"raw sequence: {raw.TotalSeconds:F1} s, {sim.Calls.Total} calls");
            sim.Calls.Reset();
        }

        var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = kube.BaseAddress.ToString(), Namespace = Workload.Namespace },
            new KubernetesClientOptions { Qps = 5000, Burst = 5000 });
        var taskDefinitions = client.Resource(Of(Kinds.TaskDefinition), ApiJsonContext.Default.EcsTaskDefinition);
        var services = client.Resource(Of(Kinds.Service), ApiJsonContext.Default.EcsService);

        // Start → first reconcile: one object exists before the process starts; its first status write ends the wait.
        await taskDefinitions.CreateAsync(Workload.TaskDefinition(-1) with { Metadata = new() { Name = "probe", Namespace = Workload.Namespace } }, cancellationToken);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"ecs-operator-bench-{Environment.ProcessId}.kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, kube.KubeconfigYaml(defaultNamespace: "ecs-operator"), cancellationToken);
        var logFile = Path.Combine(Path.GetTempPath(), $"ecs-operator-bench-{Environment.ProcessId}.log");
        await using var process = OperatorProcess.Start(options.OperatorDll, OperatorEnvironment(kubeconfig, sim.BaseAddress, options), logFile);
        var firstReconcile = await WaitAsync(() => HasStatus(kube.GetObject(Kinds.TaskDefinition.Group, Kinds.TaskDefinition.Plural, Workload.Namespace, "probe")),
            TimeSpan.FromSeconds(60), process, logFile, cancellationToken) - process.StartedAt;
        log.WriteLine($"process start -> first reconcile: {firstReconcile.TotalMilliseconds:F0} ms");
        sim.Calls.Reset();

        // Create N pairs, then wait for every EcsService to be Ready for its generation.
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Services),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                await taskDefinitions.CreateAsync(Workload.TaskDefinition(i), ct);
                await services.CreateAsync(Workload.Service(i), ct);
            });
        var created = clock.Elapsed;
        log.WriteLine($"created {options.Services} EcsTaskDefinitions + EcsServices in {created.TotalSeconds:F1} s");
        var peakDuringCreate = 0.0;
        await WaitAsync(() =>
        {
            peakDuringCreate = Math.Max(peakDuringCreate, process.RssMiB());
            var ready = kube.ListObjects(Kinds.Service.Group, Kinds.Service.Plural, Workload.Namespace).Count(IsReady);
            return ready == options.Services;
        }, TimeSpan.FromMinutes(60), process, logFile, cancellationToken, progress: () =>
            $"{kube.ListObjects(Kinds.Service.Group, Kinds.Service.Plural, Workload.Namespace).Count(IsReady)}/{options.Services} Ready, RSS {process.RssMiB():F0} MiB",
            log: log);
        var allReady = clock.Elapsed;
        var createCalls = sim.Calls.Snapshot();
        log.WriteLine($"all Ready after {allReady.TotalSeconds:F1} s; AWS calls: {Format(createCalls)}");

        // Steady state: SteadyIntervals resync intervals with nothing changing. Every AWS read there is resync cost, and
        // every write to our kinds (spec, status, metadata) is a reconcile that found something to change: the target is none.
        sim.Calls.Reset();
        kube.ResetRequestLog();
        var window = options.ResyncInterval * options.SteadyIntervals;
        await Task.Delay(window, cancellationToken);
        var steadyCalls = sim.Calls.Snapshot();
        var steadyKubeWrites = kube.Requests.Count(r => r.Verb is "create" or "update" or "patch" or "delete"
            && r.Group == Kinds.Service.Group && r.Resource is not null && r.Resource.StartsWith("ecs", StringComparison.Ordinal));
        var resyncs = Math.Max(1, options.SteadyIntervals);
        log.WriteLine($"steady state over {window.TotalSeconds:F0} s ({options.SteadyIntervals} resync intervals): {Format(steadyCalls)}; writes to our kinds: {steadyKubeWrites}");

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
            // The +1 is the probe EcsTaskDefinition that exists before the operator starts.
            TaskDefinitionReadsPerObjectPerResync = (Count(steadyCalls, "ecs:ListTaskDefinitions") + Count(steadyCalls, "ecs:DescribeTaskDefinition"))
                / ((options.Services + 1) * resyncs),
            MutationsInSteadyState = Mutations.Sum(m => Count(steadyCalls, m)),
            KubeWritesInSteadyState = steadyKubeWrites,
            PeakRssMiB = process.PeakRssMiB(),
            StartToFirstReconcile = firstReconcile,
        };
    }

    /// <summary>The raw baseline alone against a fresh simulator: what the simulator itself costs for N services.</summary>
    public static async Task<TimeSpan> RunRawOnlyAsync(ScaleOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        await using var sim = await EcsSimulator.StartAsync(new EcsSimulatorOptions { RealTimeTickInterval = options.TickInterval }, cancellationToken);
        await using var aws = AwsClients(sim.BaseAddress, options.RateLimits);
        var ecs = aws.GetRequiredService<IEcsApi>();
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "default" }, cancellationToken);
        var raw = await RawSequence.RunAsync(ecs, options.Services, options.Workers, options.TickInterval, cancellationToken);
        log.WriteLine($"raw sequence: {raw.TotalSeconds:F1} s, {sim.Calls.Total} calls, {sim.TickCount} ticks");
        return raw;
    }

    private static Dictionary<string, string> OperatorEnvironment(string kubeconfig, Uri ecs, ScaleOptions options) => new Dictionary<string, string>
    {
        ["KUBECONFIG"] = kubeconfig,
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_ENDPOINT_URL"] = ecs.ToString(),
        ["ECS_OPERATOR_LEADER_ELECTION"] = "false",
        ["ECS_OPERATOR_CLUSTER_ID"] = "bench",
        ["ECS_OPERATOR_WORKERS"] = options.Workers.ToString(CultureInfo.InvariantCulture),
        ["ECS_OPERATOR_RESYNC_INTERVAL"] = $"{(int)options.ResyncInterval.TotalSeconds}s",
        ["ECS_OPERATOR_NAMESPACES"] = Workload.Namespace,
        ["ECS_OPERATOR_HEALTH_PORT"] = "0",
        // An ephemeral port: a fixed 8443 fails the second of two runs on one machine (the operator exits at start).
        ["ECS_OPERATOR_METRICS_PORT"] = "0",
        ["ECS_OPERATOR_LOG_LEVEL"] = "warning",
        ["Aws__RateLimits__Enabled"] = options.RateLimits ? "true" : "false",
        // The simulator runs one 15 s ECS tick per TickInterval of real time; the operator's rollout recheck (15 s
        // against real ECS) is scaled the same way, so both sides poll the same simulated period.
        ["Operator__RolloutRecheckInterval"] = options.TickInterval.ToString("c", CultureInfo.InvariantCulture),
        // The Kubernetes client's own limit (client-go's 5 QPS by default) is lifted unless rate limits are on: the
        // baseline talks to AWS only, so the comparison is of the operator's work, not of a configured throttle.
        ["Kubernetes__Qps"] = options.RateLimits ? "5" : "1000",
        ["Kubernetes__Burst"] = options.RateLimits ? "10" : "1000",
        ["DOTNET_gcServer"] = "0",
    }.Concat(options.OperatorEnvironment).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value);

    private static ServiceProvider AwsClients(Uri endpoint, bool rateLimits)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEcsOperatorAws(a =>
        {
            a.Region = Region;
            a.AccessKeyId = AccessKey;
            a.SecretAccessKey = SecretKey;
            a.EcsEndpoint = endpoint;
            a.ApplicationAutoScalingEndpoint = endpoint;
            a.RateLimits.Enabled = rateLimits;
        });
        return services.BuildServiceProvider();
    }

    private static RestResourceType Of(Api.KindDefinition kind) => new(kind.Group, kind.Version, kind.Plural, kind.Kind, Namespaced: true);

    private static bool HasStatus(JsonObject? obj) => obj?["status"]?["observedGeneration"] is not null;

    private static bool IsReady(JsonObject obj) =>
        obj["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True"
            && c["observedGeneration"]?.GetValue<long>() == obj["metadata"]!["generation"]!.GetValue<long>());

    private static double Count(IReadOnlyDictionary<string, int> calls, string operation) => calls.TryGetValue(operation, out var n) ? n : 0;

    private static string Format(IReadOnlyDictionary<string, int> calls) =>
        string.Join(", ", calls.Where(c => c.Key.Contains(':', StringComparison.Ordinal)).OrderByDescending(c => c.Value).Select(c => $"{c.Key}={c.Value}"));

    private static async Task<DateTimeOffset> WaitAsync(Func<bool> done, TimeSpan timeout, OperatorProcess process, string logFile,
        CancellationToken cancellationToken, Func<string>? progress = null, TextWriter? log = null)
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

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        return DateTimeOffset.UtcNow;
    }
}
