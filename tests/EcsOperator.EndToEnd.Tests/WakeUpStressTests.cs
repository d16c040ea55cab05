using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;
using static EcsOperator.EndToEnd.Tests.ServiceScenario;

namespace EcsOperator.EndToEnd.Tests;

/// <summary>
/// The lost wake-up hunt (issue 11): hundreds of EcsTaskDefinition + EcsService pairs applied at once, services often
/// before their task definitions, spec edits racing the first create, while <see cref="WakeUpPerturbations"/> reorders
/// events and every watch stream of the operator arrives late by its own 0-60 ms (<see cref="WatchDelayHandler"/>). The resync is hours away, so only the event path (watches, reference watches, rollout rechecks, retries)
/// can bring an object to Ready: one wake-up lost leaves it stuck, where the short resync of every other end-to-end
/// suite would have repaired it.
/// </summary>
public sealed class WakeUpStressTests
{
    private const string Image = "registry.example/web:1";
    private const string EditedImage = "registry.example/web:2";

    [Fact]
    public async Task Every_pair_applied_at_once_under_reordered_events_is_Ready_for_its_latest_generation_without_a_resync()
    {
        var settings = WakeUpStressSettings.FromEnvironment();
        foreach (var seed in settings.Seeds)
            await RunAsync(settings, seed);
    }

    private static async Task RunAsync(WakeUpStressSettings settings, int seed)
    {
        var random = new Random(seed);
        var plans = Enumerable.Range(0, settings.Pairs).Select(i => PairPlan.Draw(i, random)).ToList();
        await using var env = await OperatorEnvironment.StartAsync(
            new EcsSimulatorOptions { RealTimeTickInterval = TimeSpan.FromMilliseconds(50), TaskStartTicks = 1, Seed = seed }, Ct);
        env.Ecs.Invoke("CreateCluster", new JsonObject { ["clusterName"] = DefaultCluster });
        await env.StartOperatorAsync(Ct, o =>
        {
            o.ResyncInterval = TimeSpan.FromHours(3); // neither the batched sweep nor a per-object timer comes back
            o.RolloutRecheckInterval = TimeSpan.FromMilliseconds(200);
            o.Workers = settings.Workers;
        }, aws: a => a.RateLimits.Enabled = false, // the client-side buckets (2 mutations/s) would make this a queue, not a race
        services: s =>
        {
            if (settings.Faults)
            {
                s.AddSingleton(sp => new KubernetesClient(
                    sp.GetRequiredService<k8s.KubernetesClientConfiguration>(),
                    sp.GetRequiredService<IOptions<KubernetesClientOptions>>().Value,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetService<ILogger<KubernetesClient>>(),
                    [new WatchDelayHandler(TimeSpan.FromMilliseconds(60), seed)]));
            }
        });

        var perturbations = new WakeUpPerturbations(env, new Random(seed * 7919));
        using var stop = new CancellationTokenSource();
        var edits = new List<Task>();
        // Edits that land while the operator's first reconcile of the object is in flight: right after its finalizer
        // write, i.e. during RegisterTaskDefinition or CreateService.
        var onFirstWrite = new System.Collections.Concurrent.ConcurrentDictionary<string, Action>(StringComparer.Ordinal);
        env.Kube.Written += w =>
        {
            if (w.Type == "MODIFIED" && w.Actor != "test" && !HasFinalizer(w.Previous) && HasFinalizer(w.Object)
                && onFirstWrite.TryRemove($"{w.Plural}/{w.Name}", out var edit))
            {
                lock (edits)
                    edits.Add(Task.Run(edit));
            }
        };
        void Schedule(PairEdit edit, string plural, string name, Action<JsonObject> change)
        {
            if (edit.OnFirstWrite)
                onFirstWrite[$"{plural}/{name}"] = () => env.Kube.PatchObject(ApiGroup.Group, plural, OperatorEnvironment.Namespace, name, change);
        }

        void AddLater(TimeSpan delay, string plural, string name, Action<JsonObject> change)
        {
            lock (edits)
                edits.Add(EditLaterAsync(delay, () => env.Kube.PatchObject(ApiGroup.Group, plural, OperatorEnvironment.Namespace, name, change)));
        }

        var perturbing = settings.Faults ? perturbations.RunAsync(stop.Token) : Task.CompletedTask;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (plan, ct) =>
        {
            var td = NewTaskDefinition(plan.TaskDefinition, Image);
            var service = NewService(plan.Service, plan.Referenced);
            if (plan.Cluster is { } cluster)
                service = service with { Spec = service.Spec with { ClusterRef = new LocalObjectReference { Name = cluster } } };
            if (plan.ServiceEdit is { } edit)
                Schedule(edit, Kinds.Service.Plural, plan.Service, o => o["spec"]!["desiredCount"] = 3);
            if (plan.TaskDefinitionEdit is { } tdEdit)
                Schedule(tdEdit, Kinds.TaskDefinition.Plural, plan.TaskDefinition, o => o["spec"]!["containerDefinitions"]![0]!["image"] = EditedImage);
            switch (plan.Order)
            {
                case CreateOrder.ServiceFirst:
                    await env.Services.CreateAsync(service, ct);
                    await Task.Delay(plan.Gap, ct);
                    await CreateTaskDefinitionAsync(env, td, plan, ct);
                    break;
                case CreateOrder.TaskDefinitionFirst:
                    await CreateTaskDefinitionAsync(env, td, plan, ct);
                    await Task.Delay(plan.Gap, ct);
                    await env.Services.CreateAsync(service, ct);
                    break;
                default:
                    await Task.WhenAll(CreateTaskDefinitionAsync(env, td, plan, ct), env.Services.CreateAsync(service, ct));
                    break;
            }

            if (plan.ServiceEdit is { OnFirstWrite: false } later)
                AddLater(later.Delay, Kinds.Service.Plural, plan.Service, o => o["spec"]!["desiredCount"] = 3);
            if (plan.TaskDefinitionEdit is { OnFirstWrite: false } tdLater)
                AddLater(tdLater.Delay, Kinds.TaskDefinition.Plural, plan.TaskDefinition, o => o["spec"]!["containerDefinitions"]![0]!["image"] = EditedImage);
        });
        var applied = clock.Elapsed;
        // The EcsClusters some services reference appear only now: those services wait on them (first Pending, then
        // quietly while the cluster's first reconcile runs).
        await CreateClustersLaterAsync(env);
        // Disorder while the objects are in flight (the edits made on a first write land meanwhile), then none: from
        // here only wake-ups count.
        var faultsUntil = DateTime.UtcNow + settings.FaultsAfterApply;
        while (!onFirstWrite.IsEmpty && DateTime.UtcNow < faultsUntil)
            await Task.Delay(50, Ct);
        await Task.Delay(faultsUntil - DateTime.UtcNow is { Ticks: > 0 } rest ? rest : TimeSpan.Zero, Ct);
        await stop.CancelAsync();
        await perturbing;
        var quiet = clock.Elapsed;
        var queuesAtQuiet = Queues(env);
        if (Environment.GetEnvironmentVariable("WAKEUP_STRESS_VERBOSE") == "1")
        {
            var tdQueue = env.OperatorServices.GetRequiredService<Controller<EcsTaskDefinition>>().Queue;
            var serviceQueue = env.OperatorServices.GetRequiredService<Controller<EcsService>>().Queue;
            var notYet = NotConverged(env, plans);
            var watches = string.Join(", ", env.Kube.Requests.Where(r => r.Verb == "watch").GroupBy(r => r.Resource).Select(g => $"{g.Key} {g.Count()}"));
            TestContext.Current.TestOutputHelper?.WriteLine($"at {quiet.TotalSeconds:F1} s, {env.Kube.ActiveWatchCount} watches open (opened so far: {watches}), {notYet.Count} not Ready; failures per key: "
                + string.Join(", ", plans.Select(p => (p, td: tdQueue.NumRequeues(new(OperatorEnvironment.Namespace, p.TaskDefinition)), svc: serviceQueue.NumRequeues(new(OperatorEnvironment.Namespace, p.Service))))
                    .Where(x => x.td + x.svc > 0).OrderByDescending(x => x.td + x.svc).Take(15).Select(x => $"{x.p.Index}: td {x.td} svc {x.svc}"))
                + "\n" + string.Join("\n", notYet.Take(15)));
        }
        // Every edit made (one that waits for a first reconcile that never comes is reported as the object stuck).
        var editsDue = DateTime.UtcNow + settings.Bound;
        while (!onFirstWrite.IsEmpty && DateTime.UtcNow < editsDue)
            await Task.Delay(50, Ct);
        Task[] made;
        lock (edits)
            made = [.. edits];
        await Task.WhenAll(made);

        var stuck = await WaitForConvergenceAsync(env, plans, settings.Bound);
        var converged = clock.Elapsed;
        var report = $"seed {seed}, {settings.Pairs} pairs ({plans.Count(p => p.Order == CreateOrder.ServiceFirst)} service first, "
            + $"{plans.Count(p => p.TaskDefinitionEdit is not null)} task definitions and {plans.Count(p => p.ServiceEdit is not null)} services edited in flight, {plans.Count(p => p.Cluster is not null)} on an EcsCluster created 1.5 s after the last pair): "
            + $"applied in {applied.TotalSeconds:F1} s, faults off at {quiet.TotalSeconds:F1} s ({queuesAtQuiet}), "
            + (stuck.Count == 0 ? $"all Ready at {converged.TotalSeconds:F1} s" : $"{stuck.Count} not Ready {settings.Bound.TotalSeconds:F0} s after the faults ended")
            + $"; perturbations: {perturbations.Summary}; AWS calls {env.Ecs.Calls.Total}";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (stuck.Count > 0)
            Assert.Fail($"{report}\n{Queues(env)}\n{string.Join('\n', stuck.Take(25))}");
    }

    private static async Task CreateTaskDefinitionAsync(OperatorEnvironment env, EcsTaskDefinition td, PairPlan plan, CancellationToken ct)
    {
        // Two services share every fifth task definition: it is created once, by its own pair.
        if (plan.CreatesTaskDefinition)
            await env.TaskDefinitions.CreateAsync(td, ct);
    }

    private static async Task CreateClustersLaterAsync(OperatorEnvironment env)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1500), Ct);
        foreach (var name in PairPlan.Clusters)
        {
            await env.Clusters.CreateAsync(new EcsCluster
            {
                Metadata = new ObjectMeta { Name = name, Namespace = OperatorEnvironment.Namespace },
                Spec = new EcsClusterSpec(),
            }, Ct);
        }
    }

    private static async Task EditLaterAsync(TimeSpan after, Action edit)
    {
        await Task.Delay(after, Ct);
        edit();
    }

    /// <summary>Polls the API server's store until every object is Ready for its latest spec; returns what is not.</summary>
    private static async Task<List<string>> WaitForConvergenceAsync(OperatorEnvironment env, IReadOnlyList<PairPlan> plans, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            var stuck = NotConverged(env, plans);
            if (stuck.Count == 0 || DateTime.UtcNow > deadline)
                return stuck;
            await Task.Delay(100, Ct);
        }
    }

    private static List<string> NotConverged(OperatorEnvironment env, IReadOnlyList<PairPlan> plans)
    {
        var tds = env.Kube.ListObjects(ApiGroup.Group, Kinds.TaskDefinition.Plural, OperatorEnvironment.Namespace).ToDictionary(Name, StringComparer.Ordinal);
        var services = env.Kube.ListObjects(ApiGroup.Group, Kinds.Service.Plural, OperatorEnvironment.Namespace).ToDictionary(Name, StringComparer.Ordinal);
        var stuck = new List<string>();
        foreach (var cluster in env.Kube.ListObjects(ApiGroup.Group, Kinds.Cluster.Plural, OperatorEnvironment.Namespace))
        {
            if (!ReadyForGeneration(cluster))
                stuck.Add($"EcsCluster {Name(cluster)}: {Describe(cluster)}");
        }

        foreach (var (name, td) in tds.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!ReadyForGeneration(td))
                stuck.Add($"EcsTaskDefinition {name}: {Describe(td)}");
        }

        foreach (var plan in plans)
        {
            if (!services.TryGetValue(plan.Service, out var service))
            {
                stuck.Add($"EcsService {plan.Service}: missing");
                continue;
            }

            // Ready for its generation, and on the revision its task definition reports for the latest spec.
            var td = tds.GetValueOrDefault(plan.Referenced);
            var wanted = td is not null && ReadyForGeneration(td) ? (string?)td["status"]?["taskDefinitionArn"] : null;
            var running = (string?)service["status"]?["taskDefinitionArn"];
            if (!ReadyForGeneration(service) || wanted is null || running != wanted)
                stuck.Add($"EcsService {plan.Service}: {Describe(service)}; runs {running ?? "nothing"}, its EcsTaskDefinition {plan.Referenced} reports {wanted ?? "no Ready revision"}");
        }

        return stuck;
    }

    private static string Name(JsonObject o) => (string)o["metadata"]!["name"]!;

    private static bool HasFinalizer(JsonObject? o) => o?["metadata"]?["finalizers"] is JsonArray { Count: > 0 };

    private static bool ReadyForGeneration(JsonObject o)
    {
        var generation = (long?)o["metadata"]?["generation"];
        return o["status"] is JsonObject status && (long?)status["observedGeneration"] == generation
            && status["conditions"] is JsonArray conditions
            && conditions.Any(c => (string?)c?["type"] == "Ready" && (string?)c["status"] == "True" && (long?)c["observedGeneration"] == generation);
    }

    /// <summary>Generation, finalizers, and every condition (status, reason, for which generation, message).</summary>
    private static string Describe(JsonObject o)
    {
        var text = new StringBuilder();
        text.Append($"generation {o["metadata"]?["generation"]}, resourceVersion {o["metadata"]?["resourceVersion"]}, finalizers [{string.Join(", ", o["metadata"]?["finalizers"]?.AsArray().Select(f => (string?)f) ?? [])}]");
        if (o["status"] is not JsonObject status)
            return text.Append(", no status").ToString();
        text.Append($", observedGeneration {status["observedGeneration"]}");
        foreach (var c in status["conditions"]?.AsArray() ?? [])
            text.Append($"; {c?["type"]}={c?["status"]} {c?["reason"]} (generation {c?["observedGeneration"]}): {c?["message"]}");
        return text.ToString();
    }

    /// <summary>Each controller's queue: a key waiting for a timer is not lost; one in no queue at all is.</summary>
    private static string Queues(OperatorEnvironment env)
    {
        var services = env.OperatorServices.GetRequiredService<Controller<EcsService>>().Queue;
        var tds = env.OperatorServices.GetRequiredService<Controller<EcsTaskDefinition>>().Queue;
        return $"queues: EcsService {services.Count} queued / {services.DelayedCount} delayed / {services.InFlightCount} in flight; "
            + $"EcsTaskDefinition {tds.Count} / {tds.DelayedCount} / {tds.InFlightCount}";
    }

    private enum CreateOrder
    {
        ServiceFirst,
        TaskDefinitionFirst,
        Together,
    }

    /// <summary>A spec edit: right after the operator's finalizer write (its first reconcile is in flight), or after a delay.</summary>
    private sealed record PairEdit(bool OnFirstWrite, TimeSpan Delay)
    {
        public static PairEdit Draw(Random random) => new(random.Next(2) == 0, TimeSpan.FromMilliseconds(random.Next(0, 400)));
    }

    /// <summary>One pair: in which order it is created, and which edit races its first reconcile.</summary>
    private sealed record PairPlan(int Index, CreateOrder Order, TimeSpan Gap, PairEdit? TaskDefinitionEdit, PairEdit? ServiceEdit)
    {
        public string Service => $"svc-{Index}";

        public string TaskDefinition => $"td-{Index}";

        /// <summary>Every fifth service shares the task definition of the pair before it.</summary>
        public string Referenced => Index % 5 == 4 ? $"td-{Index - 1}" : TaskDefinition;

        public bool CreatesTaskDefinition => Index % 5 != 4;

        /// <summary>The EcsClusters (created 1.5 s after the last pair) that every seventh service references.</summary>
        public static readonly string[] Clusters = ["c-0", "c-1", "c-2"];

        public string? Cluster => Index % 7 == 3 ? Clusters[Index % Clusters.Length] : null;

        public static PairPlan Draw(int index, Random random)
        {
            var order = random.Next(10) switch
            {
                < 4 => CreateOrder.ServiceFirst,
                < 7 => CreateOrder.TaskDefinitionFirst,
                _ => CreateOrder.Together,
            };
            // A task definition edited while its service waits on it is likelier when the service came first.
            var tdEdit = random.NextDouble() < (order == CreateOrder.ServiceFirst ? 0.3 : 0.12) && index % 5 != 4 ? PairEdit.Draw(random) : null;
            var serviceEdit = random.NextDouble() < 0.12 ? PairEdit.Draw(random) : null;
            return new PairPlan(index, order, TimeSpan.FromMilliseconds(random.Next(0, 60)), tdEdit, serviceEdit);
        }
    }
}
