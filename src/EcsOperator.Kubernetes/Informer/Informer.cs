using System.Diagnostics;
using EcsOperator.Kubernetes.Diagnostics;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcsOperator.Kubernetes.Informer;

/// <summary>
/// Keeps <see cref="Cache"/> equal to the server's objects of one kind: lists, then watches from the list's
/// resourceVersion with bookmarks; re-lists when the version expired (HTTP 410 or an ERROR event with code 410),
/// reconnects with capped backoff when a watch ends or fails, and tells handlers what changed. One list/watch loop
/// runs per configured namespace (or one for all namespaces).
/// </summary>
public sealed class Informer<T> : IInformer
    where T : class, IKubernetesObject
{
    private readonly IListWatchClient<T> _client;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _kind;
    private readonly Lock _deliverLock = new();
    private readonly List<ResourceEventHandler<T>> _handlers = [];
    private readonly HashSet<string?> _synced = [];
    private readonly TaskCompletionSource _syncedTcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string?[] _scopes;
    private int _started;

    public Informer(IListWatchClient<T> client, InformerOptions? options = null, TimeProvider? timeProvider = null,
        ILogger? logger = null, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new InformerOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _kind = kind ?? (client as IResourceClient<T>)?.Type.Kind ?? typeof(T).Name;
        _scopes = _options.Namespaces is { Count: > 0 } ns ? [.. ns.Distinct()] : [null];
    }

    public InformerCache<T> Cache { get; } = new();

    /// <summary>The kind, for logs and metrics.</summary>
    public string Kind => _kind;

    /// <summary>True once every namespace has been listed at least once.</summary>
    public bool HasSynced => _syncedTcs.Task.IsCompleted;

    /// <summary>Completes once <see cref="HasSynced"/> is true.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _syncedTcs.Task.WaitAsync(cancellationToken);

    /// <summary>How many times a list was (re)done, for tests and diagnostics.</summary>
    public int ListCount { get; private set; }

    /// <summary>Adds a handler; objects already cached are delivered to it as adds first.</summary>
    public void AddEventHandler(ResourceEventHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_deliverLock)
        {
            _handlers.Add(handler);
            foreach (var obj in Cache.List())
            {
                Invoke(() => handler.OnAdd?.Invoke(obj));
            }
        }
    }

    /// <summary>Adds a named secondary index to the cache.</summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc) => Cache.AddIndex(name, indexFunc);

    /// <summary>Runs until cancelled. May be called once.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException($"informer for {_kind} already started");
        }

        var loops = _scopes.Select(ns => Task.Run(() => ReflectAsync(ns, cancellationToken), CancellationToken.None)).ToList();
        if (_options.ResyncPeriod is { } period && period > TimeSpan.Zero)
        {
            loops.Add(Task.Run(() => ResyncLoopAsync(period, cancellationToken), CancellationToken.None));
        }

        try
        {
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReflectAsync(string? ns, CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        var backoff = _options.InitialBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            string reason;
            var gotEvents = false;
            long? watchStarted = null;
            try
            {
                if (resourceVersion is null)
                {
                    resourceVersion = await ListAndReplaceAsync(ns, cancellationToken);
                    backoff = _options.InitialBackoff;
                }

                var timeout = _options.MinWatchTimeout + ((_options.MaxWatchTimeout - _options.MinWatchTimeout) * Random.Shared.NextDouble());
                var watch = new WatchOptions
                {
                    ResourceVersion = resourceVersion,
                    AllowWatchBookmarks = true,
                    TimeoutSeconds = (int)Math.Max(1, timeout.TotalSeconds),
                    LabelSelector = _options.LabelSelector,
                    FieldSelector = _options.FieldSelector,
                };
                reason = "closed";
                watchStarted = _time.GetTimestamp();
                await foreach (var ev in _client.WatchAsync(ns, watch, cancellationToken))
                {
                    if (ev.Type == WatchEventType.Error)
                    {
                        if (ev.Error?.Code == 410 || ev.Error?.Reason is "Expired" or "Gone")
                        {
                            _logger.LogInformation("Watch of {Kind} in {Namespace} expired ({Message}); re-listing", _kind, ns ?? "all namespaces", ev.Error?.Message);
                            resourceVersion = null;
                            reason = "gone";
                            break;
                        }

                        throw KubernetesApiException.From(ev.Error?.Code ?? 500, ev.Error, $"watch {_kind}");
                    }

                    gotEvents = true;
                    resourceVersion = Apply(ev) ?? resourceVersion;
                }

                KubernetesTelemetry.WatchRestarts.Add(1, new TagList { { "kind", _kind }, { "reason", reason } });
                if (reason == "closed" && !Worked(gotEvents, watchStarted))
                {
                    // A watch that ends at once without any event may be a server refusing us; don't spin.
                    await Task.Delay(backoff, _time, cancellationToken);
                    backoff = Next(backoff);
                }
                else
                {
                    backoff = _options.InitialBackoff;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesApiException e) when (IsTooLargeResourceVersion(e))
            {
                // Our version is newer than anything the server has: its storage was restored from a backup (or we
                // talk to a lagging member). Watching from it again would fail forever; relist, as client-go does.
                _logger.LogWarning("Watch of {Kind} in {Namespace}: {Message}; re-listing", _kind, ns ?? "all namespaces", e.Message);
                KubernetesTelemetry.WatchRestarts.Add(1, new TagList { { "kind", _kind }, { "reason", "too-large-resource-version" } });
                resourceVersion = null;
            }
            catch (GoneException e)
            {
                _logger.LogInformation("Watch of {Kind} in {Namespace}: {Message}; re-listing", _kind, ns ?? "all namespaces", e.Message);
                KubernetesTelemetry.WatchRestarts.Add(1, new TagList { { "kind", _kind }, { "reason", "gone" } });
                resourceVersion = null;
            }
            catch (Exception e)
            {
                if (Worked(gotEvents, watchStarted))
                {
                    // A connection that worked and then broke (an API server restart, a proxy's reset) is not a failing
                    // server: doubling here for every such loss, with nothing to reset it, left the informer re-watching
                    // only after up to MaxBackoff (30 s), deaf meanwhile, after a few drops.
                    backoff = _options.InitialBackoff;
                }

                _logger.LogWarning(e, "List/watch of {Kind} in {Namespace} failed; retrying in {Backoff}", _kind, ns ?? "all namespaces", backoff);
                KubernetesTelemetry.WatchRestarts.Add(1, new TagList { { "kind", _kind }, { "reason", "error" } });
                try
                {
                    await Task.Delay(backoff, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = Next(backoff);
            }
        }
    }

    /// <summary>kube's answer to a watch from a resourceVersion it has not reached (client-go's isTooLargeResourceVersionError).</summary>
    private static bool IsTooLargeResourceVersion(KubernetesApiException e) =>
        e.Code == 504 && (e.Status.Details?.Causes?.Any(c => c.Reason == "ResourceVersionTooLarge") == true
            || (e.Status.Message?.Contains("Too large resource version", StringComparison.Ordinal) ?? false));

    /// <summary>
    /// Whether the watch was a working connection, however it ended: it delivered events, or it stayed open a while
    /// (client-go backs off only after a watch that lasted less than a second and delivered nothing).
    /// </summary>
    private bool Worked(bool gotEvents, long? watchStarted) =>
        gotEvents || (watchStarted is { } started && _time.GetElapsedTime(started) >= TimeSpan.FromSeconds(1));

    private TimeSpan Next(TimeSpan backoff)
    {
        var next = backoff * 2;
        return next > _options.MaxBackoff ? _options.MaxBackoff : next;
    }

    private async Task<string?> ListAndReplaceAsync(string? ns, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? resourceVersion = null;
        string? next = null;
        do
        {
            var page = await _client.ListAsync(ns, new ListOptions
            {
                LabelSelector = _options.LabelSelector,
                FieldSelector = _options.FieldSelector,
                Limit = _options.PageSize > 0 ? _options.PageSize : null,
                Continue = next,
            }, cancellationToken);
            resourceVersion ??= page.ResourceVersion;
            items.AddRange(page.Items);
            next = page.Continue;
        }
        while (next is not null);

        lock (_deliverLock)
        {
            var seen = new HashSet<ObjectKey>();
            foreach (var obj in items)
            {
                seen.Add(ObjectKey.Of(obj));
                var old = Cache.Upsert(obj);
                if (old is null)
                {
                    Dispatch(h => h.OnAdd?.Invoke(obj));
                }
                else if (old.Metadata.Uid != obj.Metadata.Uid)
                {
                    // Deleted and created again while we were not watching: a watch would have shown DELETED then
                    // ADDED. As an update (generation 1 to generation 1) it passed no generation filter, and the new
                    // object was not reconciled before the resync.
                    Dispatch(h => h.OnDelete?.Invoke(old, true));
                    Dispatch(h => h.OnAdd?.Invoke(obj));
                }
                else if (old.Metadata.ResourceVersion != obj.Metadata.ResourceVersion)
                {
                    Dispatch(h => h.OnUpdate?.Invoke(old, obj));
                }
            }

            foreach (var key in Cache.Keys())
            {
                if ((ns is null || key.Namespace == ns) && !seen.Contains(key) && Cache.Remove(key) is { } gone)
                {
                    // Deleted while we were not watching: we never saw its final state.
                    Dispatch(h => h.OnDelete?.Invoke(gone, true));
                }
            }

            ListCount++; // after the cache and handlers reflect this list
            if (_synced.Add(ns) && _synced.Count == _scopes.Length)
            {
                _syncedTcs.TrySetResult();
            }
        }

        return resourceVersion ?? throw new KubernetesApiException($"list of {_kind} returned no resourceVersion");
    }

    private string? Apply(WatchEvent<T> ev)
    {
        lock (_deliverLock)
        {
            switch (ev.Type)
            {
                case WatchEventType.Added:
                case WatchEventType.Modified:
                    var obj = ev.Object!;
                    var old = Cache.Upsert(obj);
                    if (old is null)
                    {
                        Dispatch(h => h.OnAdd?.Invoke(obj));
                    }
                    else
                    {
                        Dispatch(h => h.OnUpdate?.Invoke(old, obj));
                    }

                    break;
                case WatchEventType.Deleted:
                    Cache.Remove(ObjectKey.Of(ev.Object!));
                    Dispatch(h => h.OnDelete?.Invoke(ev.Object!, false));
                    break;
            }
        }

        return ev.ResourceVersion;
    }

    private async Task ResyncLoopAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        try
        {
            await WaitForSyncAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                var jittered = period * (0.9 + (0.2 * Random.Shared.NextDouble()));
                await Task.Delay(jittered, _time, cancellationToken);
                lock (_deliverLock)
                {
                    foreach (var obj in Cache.List())
                    {
                        Dispatch(h => h.OnUpdate?.Invoke(obj, obj));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Dispatch(Action<ResourceEventHandler<T>> action)
    {
        foreach (var handler in _handlers)
        {
            Invoke(() => action(handler));
        }
    }

    private void Invoke(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            // A broken handler must not stop the informer (nor the other handlers).
            _logger.LogError(e, "Event handler for {Kind} threw", _kind);
        }
    }
}
