using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.KubeApiServer;
using EcsOperator.Simulator;

namespace EcsOperator.Benchmarks;

/// <summary>
/// Counts EcsServices Ready for their generation from the API server's accepted writes (an in-process watch: each
/// write is looked at once, so the check costs O(writes), not O(N) per poll), and keeps a per-object timeline of
/// the writes to our kinds and the simulator calls naming each object, to show where the operator's time goes.
/// </summary>
public sealed class ConvergenceTracker : IDisposable
{
    private const int TdCreated = 0, TdFinalizer = 1, TdRegister = 2, TdStatus = 3, TdReady = 4;
    private const int SvcCreated = 5, SvcFinalizer = 6, SvcStatus = 7, SvcCreateService = 8, SvcDescribe = 9, SvcReady = 10;
    private const int Marks = 11;

    private static readonly string[] MarkNames =
        ["td created", "td finalizer", "td RegisterTaskDefinition", "td first status", "td Ready",
         "svc created", "svc finalizer", "svc first status", "svc CreateService", "svc first DescribeServices after create", "svc Ready"];

    private readonly KubeApiTestServer _kube;
    private readonly EcsSimulator _sim;
    private readonly int _services;
    private readonly long[,] _marks;
    private readonly int[] _tdWrites;
    private readonly int[] _svcWrites;
    private readonly bool[] _ready;
    private readonly string?[] _lastNotReady;
    private readonly Lock _calls = new();
    private long _start;
    private int _readyCount;
    private long _allReadyAt;
    private long _checkTicks;

    public ConvergenceTracker(KubeApiTestServer kube, EcsSimulator sim, int services)
    {
        _kube = kube;
        _sim = sim;
        _services = services;
        _marks = new long[services, Marks];
        _tdWrites = new int[services];
        _svcWrites = new int[services];
        _ready = new bool[services];
        _lastNotReady = new string?[services];
        kube.Written += OnWritten;
        sim.Calls.Observer = OnCall;
    }

    /// <summary>EcsServices Ready for their generation now.</summary>
    public int ReadyCount => Volatile.Read(ref _readyCount);

    /// <summary>Time the tracker spent in its write and call handlers (its whole cost to the instrument).</summary>
    public TimeSpan CheckTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _checkTicks));

    /// <summary>From <see cref="Start"/> until the last EcsService became Ready (exact: taken inside the write that made it so).</summary>
    public TimeSpan? AllReady => Interlocked.Read(ref _allReadyAt) is var at and > 0 ? Stopwatch.GetElapsedTime(_start, at) : null;

    /// <summary>The run's time zero: just before the first object is created.</summary>
    public void Start() => _start = Stopwatch.GetTimestamp();

    public void Dispose()
    {
        _kube.Written -= OnWritten;
        _sim.Calls.Observer = null;
    }

    private void OnWritten(StoredWrite write)
    {
        var began = Stopwatch.GetTimestamp();
        if (write.Group == Kinds.Service.Group && Index(write.Name) is { } i && write.Namespace == Workload.Namespace)
        {
            var isService = write.Plural == Kinds.Service.Plural;
            if (isService || write.Plural == Kinds.TaskDefinition.Plural)
                Mark(write, i, isService);
        }

        Interlocked.Add(ref _checkTicks, Stopwatch.GetTimestamp() - began);
    }

    private void Mark(StoredWrite write, int i, bool isService)
    {
        var now = Stopwatch.GetTimestamp();
        if (write.Type == "ADDED")
        {
            Set(i, isService ? SvcCreated : TdCreated, now);
            return;
        }

        if (write.Type != "MODIFIED")
            return;
        if (isService) _svcWrites[i]++;
        else _tdWrites[i]++;
        if (HasFinalizer(write.Object) && !HasFinalizer(write.Previous))
            Set(i, isService ? SvcFinalizer : TdFinalizer, now);
        if (write.Object["status"] is not null && write.Previous?["status"] is null)
            Set(i, isService ? SvcStatus : TdStatus, now);
        var ready = IsReady(write.Object);
        if (!isService)
        {
            if (ready)
                Set(i, TdReady, now);
            return;
        }

        if (!ready)
            _lastNotReady[i] = ReadyCondition(write.Object);
        if (ready == _ready[i])
            return;
        _ready[i] = ready;
        if (ready)
        {
            Set(i, SvcReady, now);
            if (Interlocked.Increment(ref _readyCount) == _services)
                Interlocked.Exchange(ref _allReadyAt, now);
        }
        else
        {
            Interlocked.Decrement(ref _readyCount);
        }
    }

    private void OnCall(string operation, JsonObject request)
    {
        var began = Stopwatch.GetTimestamp();
        lock (_calls)
        {
            switch (operation)
            {
                case "ecs:RegisterTaskDefinition" when (string?)request["family"] is { } family && family.IndexOf("td_", StringComparison.Ordinal) is var at and >= 0:
                    if (Index(family[(at + 3)..]) is { } td) Set(td, TdRegister, began);
                    break;
                case "ecs:CreateService" when Index((string?)request["serviceName"]) is { } svc:
                    Set(svc, SvcCreateService, began);
                    break;
                case "ecs:DescribeServices" when request["services"] is JsonArray names:
                    foreach (var name in names)
                    {
                        var text = (string?)name;
                        if (Index(text?[(text.LastIndexOf('/') + 1)..]) is { } described && _marks[described, SvcCreateService] != 0)
                            Set(described, SvcDescribe, began);
                    }

                    break;
            }
        }

        Interlocked.Add(ref _checkTicks, Stopwatch.GetTimestamp() - began);
    }

    /// <summary>Keeps the first time of each mark.</summary>
    private void Set(int i, int mark, long at)
    {
        if (_marks[i, mark] == 0)
            _marks[i, mark] = at;
    }

    /// <summary>Lines describing where the time went: each mark from time zero, and each object's phases.</summary>
    public IEnumerable<string> Summary()
    {
        string Stats(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            if (sorted.Length == 0)
                return "n/a";
            double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
            return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):F0}, p90 {At(0.9):F0}, max {sorted[^1]:F0} ms (n {sorted.Length})");
        }

        double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
        IEnumerable<double> Gap(int from, int to) => Enumerable.Range(0, _services)
            .Where(i => _marks[i, from] != 0 && _marks[i, to] != 0).Select(i => Ms(_marks[i, from], _marks[i, to]));

        yield return "timeline, each mark from time zero (the first create):";
        for (var mark = 0; mark < Marks; mark++)
        {
            var m = mark;
            yield return $"  {MarkNames[m],-42} {Stats(Enumerable.Range(0, _services).Where(i => _marks[i, m] != 0).Select(i => Ms(_start, _marks[i, m])))}";
        }

        yield return "per-object phases:";
        (string Name, int From, int To)[] phases =
        [
            ("td created -> finalizer", TdCreated, TdFinalizer),
            ("td finalizer -> RegisterTaskDefinition", TdFinalizer, TdRegister),
            ("td RegisterTaskDefinition -> Ready", TdRegister, TdReady),
            ("svc created -> finalizer", SvcCreated, SvcFinalizer),
            ("svc finalizer -> first status", SvcFinalizer, SvcStatus),
            ("td Ready -> svc CreateService", TdReady, SvcCreateService),
            ("svc finalizer -> CreateService", SvcFinalizer, SvcCreateService),
            ("svc CreateService -> first DescribeServices", SvcCreateService, SvcDescribe),
            ("svc CreateService -> Ready", SvcCreateService, SvcReady),
            ("svc first DescribeServices -> Ready", SvcDescribe, SvcReady),
        ];
        foreach (var (name, from, to) in phases)
            yield return $"  {name,-42} {Stats(Gap(from, to))}";
        yield return string.Create(CultureInfo.InvariantCulture,
            $"writes per object (finalizer + status): EcsTaskDefinition {_tdWrites.Average():F2}, EcsService {_svcWrites.Average():F2}; "
            + $"services that waited for their task definition (first status before CreateService): {Enumerable.Range(0, _services).Count(i => _marks[i, SvcStatus] != 0 && _marks[i, SvcStatus] < _marks[i, SvcCreateService])}");
        // Stragglers: a lost wake-up shows as services Ready long after the rest (or never), after a gap.
        var byReady = Enumerable.Range(0, _services).OrderBy(i => _marks[i, SvcReady] == 0 ? long.MaxValue : _marks[i, SvcReady]).ToArray();
        var gap = 0.0;
        var gapAfter = 0;
        for (var k = 1; k < byReady.Length; k++)
        {
            if (_marks[byReady[k], SvcReady] == 0 || _marks[byReady[k - 1], SvcReady] == 0)
                break;
            var g = Ms(_marks[byReady[k - 1], SvcReady], _marks[byReady[k], SvcReady]);
            if (g > gap)
                (gap, gapAfter) = (g, k);
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"largest gap between two consecutive Ready services: {gap:F0} ms, after the first {gapAfter}; not Ready: {byReady.Count(i => _marks[i, SvcReady] == 0)}");
        foreach (var i in byReady.Reverse().Take(3))
        {
            var marks = string.Join(", ", Enumerable.Range(0, Marks).Where(m => _marks[i, m] != 0).Select(m => string.Create(CultureInfo.InvariantCulture, $"{MarkNames[m]} {Ms(_start, _marks[i, m]):F0}")));
            yield return $"  slowest {Workload.Name(i)}: {marks}; last status before Ready: {_lastNotReady[i] ?? "none"}; writes {_svcWrites[i]}";
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"Ready check cost (time in the tracker's handlers): {CheckTime.TotalMilliseconds:F0} ms");
    }

    private int? Index(string? name) =>
        name is { Length: 9 } && name.StartsWith("svc-", StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _services ? i : null;

    private static string? ReadyCondition(JsonObject obj) =>
        obj["status"]?["conditions"] is JsonArray conditions && conditions.FirstOrDefault(c => (string?)c!["type"] == "Ready") is { } ready
            ? $"{(string?)ready["status"]} {(string?)ready["reason"]}: {(string?)ready["message"]}"
            : null;

    private static bool HasFinalizer(JsonObject? obj) => obj?["metadata"]?["finalizers"] is JsonArray { Count: > 0 };

    public static bool IsReady(JsonObject obj) =>
        obj["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True"
            && c["observedGeneration"]?.GetValue<long>() == obj["metadata"]!["generation"]!.GetValue<long>());
}
