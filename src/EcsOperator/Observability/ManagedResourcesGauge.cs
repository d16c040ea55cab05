using System.Diagnostics.Metrics;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Observability;

/// <summary>
/// <c>ecs_operator.managed_resources</c>: objects of our kinds in the informer caches by kind and Ready status
/// (True, False, Unknown — Unknown also for objects without a Ready condition yet). Computed at collection time, so
/// it costs nothing between scrapes and a standby replica (warm caches, no lease) reports the same numbers.
/// </summary>
public sealed class ManagedResourcesGauge : IDisposable
{
    private readonly Meter _meter = new(OperatorMetrics.Name);
    private readonly SharedInformerFactory _informers;

    public ManagedResourcesGauge(SharedInformerFactory informers)
    {
        ArgumentNullException.ThrowIfNull(informers);
        _informers = informers;
        _meter.CreateObservableGauge("ecs_operator.managed_resources", Observe, "{resource}",
            "Objects of the operator's kinds by kind and Ready condition status");
    }

    /// <summary>The current counts (also what the gauge reports).</summary>
    public IReadOnlyDictionary<(string Kind, string Ready), int> Count()
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (var informer in _informers.Informers)
        {
            if (Statuses(informer) is not { } statuses)
                continue;
            // Every status bucket of a synced kind is reported, zeros included, so alerts see a 0 rather than no series.
            foreach (var ready in new[] { "True", "False", "Unknown" })
                counts.TryAdd((informer.Kind, ready), 0);
            foreach (var status in statuses)
            {
                var ready = ConditionSet.Find(status?.Conditions, ConditionTypes.Ready)?.Status switch
                {
                    "True" => "True",
                    "False" => "False",
                    _ => "Unknown",
                };
                counts[(informer.Kind, ready)]++;
            }
        }

        return counts;
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<int>> Observe() =>
        Count().Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("kind", c.Key.Kind), new KeyValuePair<string, object?>("ready", c.Key.Ready)));

    private static IEnumerable<IEcsStatus?>? Statuses(IInformer informer) => informer switch
    {
        Informer<EcsTaskDefinition> i => Of(i, o => o.Status),
        Informer<EcsService> i => Of(i, o => o.Status),
        Informer<EcsCluster> i => Of(i, o => o.Status),
        Informer<EcsTask> i => Of(i, o => o.Status),
        _ => null,
    };

    private static IEnumerable<IEcsStatus?>? Of<T>(Informer<T> informer, Func<T, IEcsStatus?> status)
        where T : class, IKubernetesObject =>
        informer.HasSynced ? informer.Cache.List().Select(status) : null;
}
