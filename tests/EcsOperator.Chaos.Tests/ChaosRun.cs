using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Simulator;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;

namespace EcsOperator.Chaos.Tests;

/// <summary>
/// One seed: the API test server, the ECS simulator behind the fault proxy, two operator processes; the seeded
/// schedule of user edits and faults; then faults off, wait for the expected state, and check the invariants.
/// </summary>
public sealed class ChaosRun
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RenewDeadline = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly int _seed;
    private readonly ChaosSettings _settings;
    private readonly TextWriter _log;
    private readonly Dictionary<string, TrackedObject> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<FaultKind, int> _faults = new();
    private readonly List<Task> _pending = [];
    private readonly Random _random;
    private KubeApiTestServer _kube = null!;
    private EcsSimulator _sim = null!;
    private AwsFaultProxy _proxy = null!;
    private ReplicaSupervisor _replicas = null!;
    private Task? _restore;
    private int _taskNumber;
    private int _imageVersion = 1;

    private ChaosRun(int seed, ChaosSettings settings, TextWriter log)
    {
        _seed = seed;
        _settings = settings;
        _log = log;
        _random = new Random(seed ^ 0x5eed);
    }

    public static string OperatorDll
    {
        get
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            return Environment.GetEnvironmentVariable("CHAOS_OPERATOR") is { Length: > 0 } path
                ? path
                : Path.Combine(RepoPaths.Root, "src", "EcsOperator", "bin", configuration, "net10.0", "ecs-operator.dll");
        }
    }

    public static Task<RunResult> RunAsync(int seed, ChaosSettings settings, TextWriter log, CancellationToken cancellationToken) =>
        new ChaosRun(seed, settings, log).RunAsync(cancellationToken);

    private async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"ecs-chaos-{Environment.ProcessId}", $"seed-{_seed}")).FullName;
        var steps = ChaosSchedule.Create(_seed, _settings.ChaosDuration, RenewDeadline);
        await File.WriteAllLinesAsync(Path.Combine(dir, "schedule.txt"), steps.Select(s => s.ToString()), cancellationToken);

        await using var kube = _kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions
        {
            CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml"),
            HistoryWindow = 100_000,
            BookmarkInterval = TimeSpan.FromSeconds(2),
        }, cancellationToken);
        await using var sim = _sim = await EcsSimulator.StartAsync(new EcsSimulatorOptions
        {
            RealTimeTickInterval = Tick,
            StoppedResourceRetention = TimeSpan.FromDays(3650),
            Seed = _seed,
        }, cancellationToken);
        await using var proxy = _proxy = await AwsFaultProxy.StartAsync(sim.BaseAddress, _seed, _settings.NoResetOperations, cancellationToken);
        var foreign = ForeignResources.Create(sim);
        kube.Written += CheckOperatorWrite;

        var kubeconfig = Path.Combine(dir, "kubeconfig");
        await File.WriteAllTextAsync(kubeconfig, kube.KubeconfigYaml(defaultNamespace: ChaosWorkload.LeaseNamespace), cancellationToken);
        await using var replicas = _replicas = new ReplicaSupervisor(OperatorDll, OperatorEnvironment(kubeconfig, proxy.BaseAddress), dir);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var supervise = SuperviseAsync(stop.Token);

        CreateInitialObjects();

        // Chaos starts once a leader has made the initial objects Ready (or after a bounded wait): faults before the
        // processes are even up would test nothing.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(30) && Pending().Count > 0)
            await Task.Delay(100, cancellationToken);
        _log.WriteLine($"  seed {_seed}: initial objects {(Pending().Count == 0 ? "Ready" : "not Ready")} after {warmUp.Elapsed.TotalSeconds:F1}s; chaos starts");
        var clock = Stopwatch.StartNew();
        foreach (var step in steps)
        {
            var wait = step.At - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, cancellationToken);
            await ExecuteAsync(step, cancellationToken);
        }

        var rest = _settings.ChaosDuration - clock.Elapsed;
        if (rest > TimeSpan.Zero)
            await Task.Delay(rest, cancellationToken);
        await Task.WhenAll(_pending);

        // Faults off: from here on the operator must reach the expected state on its own.
        proxy.CloseAll();
        kube.ClearFaults();
        kube.Unavailable = false;
        var faultsEnded = Stopwatch.StartNew();
        TimeSpan? converged = null;
        IReadOnlyList<string> pending = [];
        while (faultsEnded.Elapsed < _settings.ConvergeTimeout)
        {
            pending = Pending();
            if (pending.Count == 0)
            {
                converged = faultsEnded.Elapsed;
                break;
            }

            await Task.Delay(250, cancellationToken);
        }

        if (converged is null)
        {
            foreach (var p in pending)
                _violations.Enqueue($"not converged {_settings.ConvergeTimeout.TotalSeconds:F0}s after the last fault: {p}");
        }

        // A quiet period with nothing to do: no AWS writes, and reads bounded.
        var before = proxy.Calls.Count;
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var quiet = proxy.Calls.Skip(before).ToList();
        await stop.CancelAsync();
        await supervise;
        await replicas.DisposeAsync();

        var liveObjects = Math.Max(1, _objects.Values.Count(o => o.Alive));
        foreach (var violation in Invariants.Check(_objects.Values, proxy.Calls, quiet, liveObjects, sim, foreign))
            _violations.Enqueue(violation);

        foreach (var (kind, count) in proxy.Injected)
            _faults.AddOrUpdate(kind, count, (_, n) => n + count);
        var result = new RunResult
        {
            Seed = _seed,
            Violations = [.. _violations],
            Faults = new Dictionary<FaultKind, int>(_faults),
            Objects = _objects.Values.Sum(o => o.Creations),
            Converged = converged,
            AwsCalls = proxy.Calls.Count,
            Elapsed = elapsed.Elapsed,
        };
        _log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {_seed}: {result.Violations.Count} violation(s), converged {(converged is { } c ? $"{c.TotalSeconds:F1}s" : "never")}, {result.Objects} objects, {result.AwsCalls} AWS calls, faults {string.Join(", ", result.Faults.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"))}, {elapsed.Elapsed.TotalSeconds:F0}s (logs: {dir})"));
        foreach (var v in result.Violations)
            _log.WriteLine($"  VIOLATION (CHAOS_SEED={_seed}): {v}");
        if (result.Violations.Count == 0 && !_settings.IsLongRun)
            TryDelete(dir);
        return result;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // a replica's log still open; the temp directory is cleaned eventually
        }
    }

    private static Dictionary<string, string> OperatorEnvironment(string kubeconfig, Uri aws) => new()
    {
        ["KUBECONFIG"] = kubeconfig,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        ["AWS_ENDPOINT_URL"] = aws.ToString(),
        ["ECS_OPERATOR_LEADER_ELECTION"] = "true",
        ["ECS_OPERATOR_CLUSTER_ID"] = ChaosWorkload.ClusterId,
        ["ECS_OPERATOR_WORKERS"] = "2",
        ["ECS_OPERATOR_RESYNC_INTERVAL"] = "5s",
        ["ECS_OPERATOR_NAMESPACES"] = ChaosWorkload.Namespace,
        ["ECS_OPERATOR_HEALTH_PORT"] = "0",
        ["ECS_OPERATOR_LOG_LEVEL"] = "information",
        ["Aws__RateLimits__Enabled"] = "false",
        ["Aws__Retry__BaseDelay"] = "00:00:00.050",
        ["Aws__Retry__MaxDelay"] = "00:00:00.500",
        ["Kubernetes__Qps"] = "200",
        ["Kubernetes__Burst"] = "400",
        // The simulated world runs 150 times faster than real time (one 15 s tick per 100 ms); the rechecks follow.
        ["Operator__RolloutRecheckInterval"] = "00:00:00.200",
        ["Operator__TaskPollInterval"] = "00:00:00.200",
        ["Operator__DeletionRecheckInterval"] = "00:00:00.300",
        ["Operator__LeaseDuration"] = LeaseDuration.ToString("c", CultureInfo.InvariantCulture),
        ["Operator__RenewDeadline"] = RenewDeadline.ToString("c", CultureInfo.InvariantCulture),
        ["Operator__RetryPeriod"] = RetryPeriod.ToString("c", CultureInfo.InvariantCulture),
        ["Operator__LeaderElectionNamespace"] = ChaosWorkload.LeaseNamespace,
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_TieredPGO"] = "0",
    };

    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await _replicas.KeepRunningAsync();
            TrackDeletions();
            try
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The operator writes status and finalizers only: never creates our kinds, never changes spec, labels or annotations.</summary>
    private void CheckOperatorWrite(StoredWrite write)
    {
        if (write.Group != ApiGroup.Group || write.Actor is not { } actor || !actor.StartsWith("ecs-operator", StringComparison.Ordinal))
            return;
        var what = $"{write.Plural}/{write.Name} at resourceVersion {write.ResourceVersion}";
        switch (write.Type)
        {
            case "ADDED":
                _violations.Enqueue($"spec write: the operator created {what}");
                break;
            case "MODIFIED":
                foreach (var path in new[] { "spec" })
                {
                    if (!JsonNode.DeepEquals(write.Previous?[path], write.Object[path]))
                        _violations.Enqueue($"spec write: the operator changed {path} of {what}: {write.Previous?[path]?.ToJsonString()} -> {write.Object[path]?.ToJsonString()}");
                }

                foreach (var field in new[] { "labels", "annotations" })
                {
                    if (!JsonNode.DeepEquals(write.Previous?["metadata"]?[field], write.Object["metadata"]?[field]))
                        _violations.Enqueue($"spec write: the operator changed metadata.{field} of {what}");
                }

                break;
            case "DELETED" when !WasDeleting(write):
                _violations.Enqueue($"spec write: the operator deleted {what}, which no user deleted");
                break;
        }
    }

    private static bool WasDeleting(StoredWrite write) => write.Previous?["metadata"]?["deletionTimestamp"] is not null;

    private TrackedObject Track(string plural, string name)
    {
        var key = $"{plural}/{name}";
        if (!_objects.TryGetValue(key, out var tracked))
            _objects[key] = tracked = new TrackedObject(plural, name);
        return tracked;
    }

    private string Policy() => _random.NextDouble() < 0.2 ? "Retain" : "Delete";

    private void Create(string plural, string name, JsonObject obj, string policy)
    {
        _kube.CreateObject(ApiGroup.Group, plural, obj);
        var tracked = Track(plural, name);
        tracked.Alive = true;
        tracked.Creations++;
        tracked.CreatedAt = DateTimeOffset.UtcNow;
        tracked.DeletionPolicy = policy;
        tracked.DeletedAt = null;
        tracked.GoneAt = null;
    }

    private void Delete(TrackedObject tracked)
    {
        _kube.DeleteObject(ApiGroup.Group, tracked.Plural, ChaosWorkload.Namespace, tracked.Name, ChaosWorkload.User);
        tracked.Alive = false;
        tracked.DeletedAt = DateTimeOffset.UtcNow;
        tracked.GoneAt = null;
    }

    private JsonObject? Stored(TrackedObject tracked) => _kube.GetObject(ApiGroup.Group, tracked.Plural, ChaosWorkload.Namespace, tracked.Name);

    private void TrackDeletions()
    {
        foreach (var tracked in _objects.Values.Where(o => !o.Alive && o.DeletedAt is not null).ToList())
        {
            var exists = Stored(tracked) is not null;
            if (exists)
                tracked.GoneAt = null; // a restored store can bring it back
            else
                tracked.GoneAt ??= DateTimeOffset.UtcNow;
        }
    }

    private void CreateInitialObjects()
    {
        foreach (var td in ChaosWorkload.ReferencedTaskDefinitions)
            Create(Kinds.TaskDefinition.Plural, td, ChaosWorkload.TaskDefinition(td, _imageVersion, "Delete"), "Delete");
        var solo = Policy();
        Create(Kinds.TaskDefinition.Plural, ChaosWorkload.SoloTaskDefinition, ChaosWorkload.TaskDefinition(ChaosWorkload.SoloTaskDefinition, _imageVersion, solo), solo);
        for (var i = 0; i < ChaosWorkload.Services.Length; i++)
        {
            var policy = Policy();
            Create(Kinds.Service.Plural, ChaosWorkload.Services[i],
                ChaosWorkload.Service(ChaosWorkload.Services[i], ChaosWorkload.ReferencedTaskDefinitions[i], 1 + _random.Next(2), policy), policy);
        }

        var clusterPolicy = Policy();
        Create(Kinds.Cluster.Plural, ChaosWorkload.Cluster, ChaosWorkload.ClusterObject(clusterPolicy), clusterPolicy);
        CreateTask(0);
    }

    private void CreateTask(int pick)
    {
        var name = $"task-{++_taskNumber}";
        Create(Kinds.Task.Plural, name, ChaosWorkload.Task(name, ChaosWorkload.ReferencedTaskDefinitions[pick % 3]), "Delete");
    }

    private static T? PickOf<T>(IReadOnlyList<T> candidates, int pick) where T : class =>
        candidates.Count == 0 ? null : candidates[pick % candidates.Count];

    private async Task ExecuteAsync(ChaosStep step, CancellationToken cancellationToken)
    {
        if (step.Kind <= StepKind.Drift && _restore is { } restore)
        {
            // No user write between a snapshot and its restore: the restore must only roll back the operator's writes
            // (an etcd restore also loses users' writes, but then no invariant could say what the user wanted).
            await restore;
        }

        try
        {
            switch (step.Kind)
            {
                case StepKind.EditImage:
                {
                    var candidates = _objects.Values.Where(o => o.Alive && o.Plural == Kinds.TaskDefinition.Plural).ToList();
                    if (PickOf(candidates, step.Pick) is { } td)
                    {
                        var version = ++_imageVersion;
                        _kube.PatchObject(ApiGroup.Group, td.Plural, ChaosWorkload.Namespace, td.Name,
                            o => o["spec"]!["containerDefinitions"]![0]!["image"] = $"registry.example/{td.Name}:v{version}", ChaosWorkload.User);
                    }

                    break;
                }

                case StepKind.Scale:
                {
                    var candidates = _objects.Values.Where(o => o.Alive && o.Plural == Kinds.Service.Plural).ToList();
                    if (PickOf(candidates, step.Pick) is { } svc)
                    {
                        var n = step.Pick % 4;
                        _kube.PatchObject(ApiGroup.Group, svc.Plural, ChaosWorkload.Namespace, svc.Name, o =>
                        {
                            if (svc.Name == ChaosWorkload.AutoScaledService)
                                o["spec"]!["autoScaling"]!["maxCapacity"] = 2 + n;
                            else
                                o["spec"]!["desiredCount"] = n;
                        }, ChaosWorkload.User);
                    }

                    break;
                }

                case StepKind.DeleteService:
                    if (PickOf(_objects.Values.Where(o => o.Alive && o.Plural == Kinds.Service.Plural).ToList(), step.Pick) is { } deleted)
                        Delete(deleted);
                    break;
                case StepKind.RecreateService:
                {
                    var candidates = _objects.Values.Where(o => !o.Alive && o.Plural == Kinds.Service.Plural && o.DeletionPolicy == "Delete" && Stored(o) is null).ToList();
                    if (PickOf(candidates, step.Pick) is { } svc)
                    {
                        var i = Array.IndexOf(ChaosWorkload.Services, svc.Name);
                        var policy = Policy();
                        Create(svc.Plural, svc.Name, ChaosWorkload.Service(svc.Name, ChaosWorkload.ReferencedTaskDefinitions[i], step.Pick % 3, policy), policy);
                    }

                    break;
                }

                case StepKind.CreateTask:
                    CreateTask(step.Pick);
                    break;
                case StepKind.DeleteTask:
                    if (PickOf(_objects.Values.Where(o => o.Alive && o.Plural == Kinds.Task.Plural).ToList(), step.Pick) is { } task)
                        Delete(task);
                    break;
                case StepKind.DeleteCluster:
                case StepKind.DeleteSoloTaskDefinition:
                {
                    var tracked = step.Kind == StepKind.DeleteCluster
                        ? Track(Kinds.Cluster.Plural, ChaosWorkload.Cluster)
                        : Track(Kinds.TaskDefinition.Plural, ChaosWorkload.SoloTaskDefinition);
                    if (tracked.Alive)
                        Delete(tracked);
                    break;
                }

                case StepKind.RecreateCluster:
                {
                    var tracked = Track(Kinds.Cluster.Plural, ChaosWorkload.Cluster);
                    if (!tracked.Alive && tracked.DeletionPolicy == "Delete" && Stored(tracked) is null)
                    {
                        var policy = Policy();
                        Create(tracked.Plural, tracked.Name, ChaosWorkload.ClusterObject(policy), policy);
                    }

                    break;
                }

                case StepKind.RecreateSoloTaskDefinition:
                {
                    var tracked = Track(Kinds.TaskDefinition.Plural, ChaosWorkload.SoloTaskDefinition);
                    if (!tracked.Alive && tracked.DeletionPolicy == "Delete" && Stored(tracked) is null)
                    {
                        var policy = Policy();
                        Create(tracked.Plural, tracked.Name, ChaosWorkload.TaskDefinition(tracked.Name, ++_imageVersion, policy), policy);
                    }

                    break;
                }

                case StepKind.Drift:
                {
                    var candidates = _objects.Values.Where(o => o.Alive && o.Plural == Kinds.Service.Plural && o.Name != ChaosWorkload.AutoScaledService).ToList();
                    if (PickOf(candidates, step.Pick) is { } svc)
                    {
                        try
                        {
                            _sim.SetDesiredCount(ChaosWorkload.EcsCluster, svc.Name, 3 + (step.Pick % 3));
                            Count(FaultKind.AwsDrift);
                        }
                        catch (EcsOperator.Simulator.Protocol.AwsErrorException)
                        {
                            // not created in AWS yet
                        }
                    }

                    break;
                }

                case StepKind.AwsFaults:
                {
                    var window = _proxy.Open(new AwsFaultWindow(step.Fault!.Value, step.Operation, step.Probability, TimeSpan.FromMilliseconds(step.Pick)));
                    _pending.Add(CloseLaterAsync(window, step.Duration, cancellationToken));
                    break;
                }

                case StepKind.KubeFault:
                    KubeFault(step);
                    break;
                case StepKind.KubeApiDown:
                    Count(FaultKind.KubeApiDown);
                    _kube.Unavailable = true;
                    _pending.Add(Later(step.Duration, () => _kube.Unavailable = false, cancellationToken));
                    break;
                case StepKind.KubeStoreRestore:
                {
                    var snapshot = _kube.Snapshot();
                    Count(FaultKind.KubeStoreRestore);

                    // A real cluster writes a lot besides us (events, leases, other controllers), so a backup is far
                    // behind: without this burst the counter of the restored store would catch up with the versions the
                    // replicas hold within a second, and a watch resumed from one of them would silently skip the
                    // changes made since the restore (Kubernetes' own caveat; etcd's --bump-revision exists for it).
                    for (var i = 0; i < 300; i++)
                    {
                        _kube.CreateObject("", "configmaps", new JsonObject
                        {
                            ["metadata"] = new JsonObject { ["name"] = $"busy-{i}", ["namespace"] = "busy" },
                            ["data"] = new JsonObject { ["i"] = i.ToString(CultureInfo.InvariantCulture) },
                        });
                    }

                    _restore = Later(step.Duration, () =>
                    {
                        var was = _kube.CurrentResourceVersion;
                        _kube.Restore(snapshot);
                        _log.WriteLine($"  seed {_seed}: store restored to resourceVersion {snapshot.ResourceVersion} (was {was})");
                    }, cancellationToken);
                    _pending.Add(_restore);
                    break;
                }

                case StepKind.Kill:
                {
                    var holder = (string?)_kube.GetObject("coordination.k8s.io", "leases", ChaosWorkload.LeaseNamespace, ChaosWorkload.LeaseName)?["spec"]?["holderIdentity"];
                    var running = _replicas.Running();
                    var victim = step.Fault == FaultKind.KillLeader ? holder : running.FirstOrDefault(r => r != holder);
                    if (victim is not null && await _replicas.KillAsync(victim, step.Duration))
                        Count(step.Fault!.Value);
                    break;
                }
            }
        }
        catch (KubeApiException e)
        {
            // e.g. a patch of an object that a restore or a finished deletion just removed: the user's edit is lost.
            _log.WriteLine($"  seed {_seed}: step {step} refused: {e.Message}");
        }
    }

    private void KubeFault(ChaosStep step)
    {
        var burst = step.Pick;
        switch (step.Fault)
        {
            case FaultKind.KubeWatchDrop:
                _kube.DropWatches();
                break;
            case FaultKind.KubeCompaction:
                _kube.CompactHistory();
                _kube.DropWatches();
                break;
            case FaultKind.KubeServerError:
                _kube.FailNext(burst, burst % 2 == 0 ? 500 : 503);
                break;
            case FaultKind.KubeTooManyRequests:
                _kube.FailNext(burst, 429, retryAfter: TimeSpan.FromSeconds(1));
                break;
            case FaultKind.KubeStatusConflict:
                _kube.FailNext(burst, 409, r => r.Subresource == "status" && r.Verb is "update" or "patch");
                break;
        }

        Count(step.Fault!.Value);
    }

    private void Count(FaultKind kind) => _faults.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private static async Task CloseLaterAsync(IDisposable window, TimeSpan after, CancellationToken cancellationToken)
    {
        await Task.Delay(after, cancellationToken);
        window.Dispose();
    }

    private static async Task Later(TimeSpan after, Action action, CancellationToken cancellationToken)
    {
        await Task.Delay(after, cancellationToken);
        action();
    }

    /// <summary>What is not yet as the user asked; empty once converged.</summary>
    private List<string> Pending()
    {
        var pending = new List<string>();
        foreach (var tracked in _objects.Values)
        {
            var stored = Stored(tracked);
            if (!tracked.Alive)
            {
                if (stored is not null)
                    pending.Add($"{tracked} was deleted by the user but is still there (finalizers {stored["metadata"]?["finalizers"]?.ToJsonString()}, conditions {Conditions(stored)})");
                continue;
            }

            if (stored is null)
            {
                pending.Add($"{tracked} is gone although the user never deleted it");
                continue;
            }

            var generation = stored["metadata"]?["generation"]?.GetValue<long>();
            var observed = stored["status"]?["observedGeneration"]?.GetValue<long>();
            var ready = (stored["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "Ready");
            if (observed != generation || (string?)ready?["status"] != "True" || ready?["observedGeneration"]?.GetValue<long>() != generation)
            {
                pending.Add($"{tracked} generation {generation}: observedGeneration {observed}, conditions {Conditions(stored)}");
                continue;
            }

            if (tracked.Plural != Kinds.Service.Plural)
                continue;
            var service = Invariants.DescribeService(_sim, tracked.Name);
            if (tracked.Name != ChaosWorkload.AutoScaledService
                && service?["desiredCount"]?.GetValue<int>() != stored["spec"]?["desiredCount"]?.GetValue<int>())
            {
                pending.Add($"{tracked}: ECS desiredCount {service?["desiredCount"]} differs from spec {stored["spec"]?["desiredCount"]} (drift not corrected)");
            }

            // Ready for its reference's current generation too: the ECS service runs the revision the referenced
            // EcsTaskDefinition registered for its latest spec.
            var td = (string?)stored["spec"]?["taskDefinitionRef"]?["name"];
            var current = td is null ? null : (string?)_kube.GetObject(ApiGroup.Group, Kinds.TaskDefinition.Plural, ChaosWorkload.Namespace, td)?["status"]?["taskDefinitionArn"];
            if ((string?)service?["taskDefinition"] != current)
                pending.Add($"{tracked}: ECS service runs {service?["taskDefinition"]}, its EcsTaskDefinition {td} is at {current}");
        }

        return pending;
    }

    private static string Conditions(JsonObject stored) =>
        string.Join("; ", ((stored["status"]?["conditions"] as JsonArray) ?? []).OfType<JsonObject>()
            .Select(c => $"{c["type"]}={c["status"]} {c["reason"]} (gen {c["observedGeneration"]}): {c["message"]}"));
}
