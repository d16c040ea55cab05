using System.Diagnostics;
using EcsOperator.Kubernetes.Diagnostics;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Queue;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcsOperator.Kubernetes.Controller;

/// <summary>
/// Wires an informer to a work queue and workers that call an <see cref="IReconciler{T}"/>: every add/update/delete
/// (and every change of a watched secondary kind, mapped to primary keys) enqueues a key; a worker reads the object
/// from the cache (null when gone) and reconciles. Exceptions and <see cref="ReconcileResult.Requeue"/> retry with
/// per-key backoff; <see cref="ReconcileResult.After"/> requeues after a fixed delay; success resets the backoff.
/// Updates of the primary kind pass an update filter first (default <see cref="UpdatePredicates.MetadataOrSpecChanged{T}"/>):
/// a status write, ours or anyone's, never reconciles its own object; the requeue policy (resync) looks again.
/// The informers themselves are run by their owner (e.g. <see cref="Informer.SharedInformerFactory"/>).
/// </summary>
public sealed class Controller<T> : IController
    where T : class, IKubernetesObject
{
    private readonly Informer<T> _informer;
    private readonly IReconciler<T> _reconciler;
    private readonly ControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<IInformer> _watched = [];

    public Controller(string name, Informer<T> informer, IReconciler<T> reconciler, ControllerOptions? options = null,
        TimeProvider? timeProvider = null, ILogger? logger = null, Func<T, T, bool>? updateFilter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(informer);
        ArgumentNullException.ThrowIfNull(reconciler);
        Name = name;
        _informer = informer;
        _reconciler = reconciler;
        _options = options ?? new ControllerOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        Queue = new WorkQueue<ObjectKey>(_options.Queue with { Name = name }, _time);
        var passes = updateFilter ?? UpdatePredicates.MetadataOrSpecChanged;
        informer.AddEventHandler(new ResourceEventHandler<T>
        {
            OnAdd = obj => Queue.Add(ObjectKey.Of(obj)),
            OnUpdate = (old, obj) =>
            {
                if (passes(old, obj))
                    Queue.Add(ObjectKey.Of(obj));
            },
            OnDelete = (obj, _) => Queue.Add(ObjectKey.Of(obj)),
        });
    }

    public string Name { get; }

    /// <summary>The primary informer (its cache is what reconcilers should read).</summary>
    public Informer<T> Informer => _informer;

    public WorkQueue<ObjectKey> Queue { get; }

    public TimeSpan? OldestReconcileAge => Queue.OldestInFlightAge;

    /// <summary>
    /// Also reconcile when an object of another kind changes: <paramref name="map"/> turns it into the primary keys
    /// to enqueue (called with both the old and the new object on update). <paramref name="filter"/> decides which
    /// updates matter (e.g. only a changed ARN or readiness of what the primaries read); null passes every update.
    /// Adds and deletes always pass.
    /// </summary>
    public Controller<T> Watches<TOther>(Informer<TOther> informer, Func<TOther, IEnumerable<ObjectKey>> map,
        Func<TOther, TOther, bool>? filter = null)
        where TOther : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(informer);
        ArgumentNullException.ThrowIfNull(map);
        _watched.Add(informer);
        informer.AddEventHandler(new ResourceEventHandler<TOther>
        {
            OnAdd = obj => EnqueueAll(map(obj)),
            OnUpdate = (old, obj) =>
            {
                if (filter is not null && !filter(old, obj))
                    return;
                EnqueueAll(map(old));
                EnqueueAll(map(obj));
            },
            OnDelete = (obj, _) => EnqueueAll(map(obj)),
        });
        return this;
    }

    /// <summary>
    /// Map for <see cref="Watches{TOther}"/> via an index of the primary cache: the primary objects whose index
    /// <paramref name="indexName"/> contains <paramref name="indexValue"/>(secondary), e.g. services by the
    /// <c>namespace/name</c> of the task definition they reference.
    /// </summary>
    public Func<TOther, IEnumerable<ObjectKey>> ByIndex<TOther>(string indexName, Func<TOther, string> indexValue)
        where TOther : class, IKubernetesObject =>
        other => _informer.Cache.KeysByIndex(indexName, indexValue(other));

    /// <summary>Map for <see cref="Watches{TOther}"/>: the controlling owner of kind <paramref name="ownerKind"/>.</summary>
    public static Func<TOther, IEnumerable<ObjectKey>> ByOwner<TOther>(string ownerKind)
        where TOther : class, IKubernetesObject =>
        other => (other.Metadata.OwnerReferences ?? [])
            .Where(o => o.Kind == ownerKind && o.Controller == true)
            .Select(o => new ObjectKey(other.Metadata.Namespace, o.Name));

    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken, CancellationToken.None);

    public async Task RunAsync(CancellationToken cancellationToken, CancellationToken abort)
    {
        await _informer.WaitForSyncAsync(cancellationToken);
        foreach (var informer in _watched)
        {
            await informer.WaitForSyncAsync(cancellationToken);
        }

        _logger.LogInformation("Controller {Controller} started with {Workers} workers", Name, _options.Workers);
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(abort);
        var workers = Enumerable.Range(0, Math.Max(1, _options.Workers))
            .Select(_ => Task.Run(() => WorkerAsync(hardStop.Token), CancellationToken.None))
            .ToArray();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        // Graceful stop: hand out no more keys, let in-flight reconciles finish within the deadline, then cancel them.
        // After an abort the workers are already cancelled and the wait ends as soon as they unwind.
        if (!await Queue.ShutDownAndWaitAsync(abort.IsCancellationRequested ? TimeSpan.Zero : _options.ShutdownTimeout, CancellationToken.None))
        {
            _logger.LogWarning("Controller {Controller}: reconciles still running after {Timeout}; cancelling them", Name, _options.ShutdownTimeout);
        }

        await hardStop.CancelAsync();
        await Task.WhenAll(workers);
        _logger.LogInformation("Controller {Controller} stopped", Name);
    }

    /// <summary>Enqueues a key by hand (e.g. from a webhook or a test).</summary>
    public void Enqueue(ObjectKey key) => Queue.Add(key);

    private void EnqueueAll(IEnumerable<ObjectKey> keys)
    {
        foreach (var key in keys)
        {
            Queue.Add(key);
        }
    }

    private async Task WorkerAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (ok, key) = await Queue.GetAsync(CancellationToken.None);
            if (!ok)
            {
                return;
            }

            try
            {
                await ReconcileOneAsync(key, cancellationToken);
            }
            finally
            {
                Queue.Done(key);
            }
        }
    }

    private async Task ReconcileOneAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        using var activity = KubernetesTelemetry.ActivitySource.StartActivity($"reconcile {_informer.Kind}");
        activity?.SetTag("k8s.kind", _informer.Kind);
        activity?.SetTag("k8s.namespace", key.Namespace);
        activity?.SetTag("k8s.name", key.Name);
        activity?.SetTag("k8s.controller", Name);

        // The Kubernetes read of a reconcile is the informer cache (no API request): the trace records which
        // resourceVersion the reconcile saw, so it can be matched with the watch event that caused it.
        var obj = _informer.Cache.Get(key);
        activity?.AddEvent(new ActivityEvent("read from informer cache", tags: new ActivityTagsCollection
        {
            { "k8s.found", obj is not null },
            { "k8s.resource_version", obj?.Metadata.ResourceVersion },
        }));
        var started = _time.GetTimestamp();
        string label;
        try
        {
            var result = await _reconciler.ReconcileAsync(new ReconcileRequest<T>(key, obj), cancellationToken);
            label = result.Label;
            if (result.RequeueAfter is { } delay)
            {
                Queue.Forget(key);
                Queue.AddAfter(key, delay);
            }
            else if (result.ShouldRequeue)
            {
                Queue.AddRateLimited(key);
            }
            else
            {
                Queue.Forget(key);
            }
        }
        catch (Exception e)
        {
            label = "error";
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            activity?.AddException(e);
            if (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                _logger.LogError(e, "Reconcile of {Kind} {Key} failed (attempt {Attempt}); will retry", _informer.Kind, key, Queue.NumRequeues(key) + 1);
            }

            // Never dropped: retried with backoff (even after shutdown cancellation, another leader will pick it up).
            Queue.AddRateLimited(key);
        }

        activity?.SetTag("k8s.reconcile.result", label);
        var tags = new TagList { { "kind", _informer.Kind }, { "result", label } };
        KubernetesTelemetry.Reconciles.Add(1, tags);
        KubernetesTelemetry.ReconcileDuration.Record(_time.GetElapsedTime(started).TotalSeconds, new TagList { { "kind", _informer.Kind } });
    }
}
