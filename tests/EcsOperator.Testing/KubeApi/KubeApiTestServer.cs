using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EcsOperator.Testing.KubeApi;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 that behaves like kube-apiserver for what the operator uses
/// (see README.md beside this file), with C# controls for tests: fault injection, delays, request counts,
/// watch drops, bookmarks and history compaction.
/// </summary>
public sealed class KubeApiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ObjectStore _store;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<FaultRule> _faults = new();
    private readonly ConcurrentQueue<KubeRequest> _requests = new();
    private readonly Task _bookmarkLoop;
    private int _disposed;

    private KubeApiTestServer(KubeApiTestServerOptions options, ResourceRegistry registry, ObjectStore store, WebApplication app, Uri baseAddress)
    {
        Options = options;
        Resources = registry;
        _store = store;
        _app = app;
        BaseAddress = baseAddress;
        _bookmarkLoop = options.BookmarkInterval is { } interval ? BookmarkLoopAsync(interval) : Task.CompletedTask;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options the server was started with.</summary>
    public KubeApiTestServerOptions Options { get; }

    /// <summary>The served resource types; register more at any time.</summary>
    public ResourceRegistry Resources { get; }

    /// <summary>The newest resourceVersion.</summary>
    public long CurrentResourceVersion => _store.CurrentResourceVersion;

    /// <summary>Changes kept for watches and continue tokens; shrinking it compacts older changes away.</summary>
    public int HistoryWindow
    {
        get => _store.HistoryWindow;
        set => _store.HistoryWindow = value;
    }

    /// <summary>Number of open watch connections.</summary>
    public int ActiveWatchCount => _store.WatcherCount;

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<KubeRequest> Requests => _requests.ToArray();

    internal CancellationToken Stopping => _stopping.Token;

    /// <summary>Starts a server on 127.0.0.1 with a free port.</summary>
    public static async Task<KubeApiTestServer> StartAsync(KubeApiTestServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new KubeApiTestServerOptions();
        var registry = new ResourceRegistry();
        foreach (var type in options.Resources)
        {
            registry.Register(type);
        }

        foreach (var file in options.CrdFiles)
        {
            registry.RegisterCrdFile(file);
        }

        var store = new ObjectStore(registry, options.TimeProvider, options.InitialResourceVersion, options.HistoryWindow)
        {
            AutoCreateNamespaces = true,
        };
        foreach (var ns in options.Namespaces)
        {
            store.Create(registry.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, dryRun: false);
        }

        store.AutoCreateNamespaces = options.AutoCreateNamespaces;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        KubeApiHandler? handler = null;
        app.Run(context => handler!.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new KubeApiTestServer(options, registry, store, app, new Uri(address.TrimEnd('/') + "/"));
        handler = new KubeApiHandler(server, store, registry, options);
        return server;
    }

    /// <summary>An HttpClient for this server (with the bearer token when one is configured).</summary>
    public HttpClient CreateHttpClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (Options.BearerToken is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    private ResourceType TypeOf(string group, string plural) =>
        Resources.All.FirstOrDefault(t => t.Group == group && t.Plural == plural)
        ?? throw new ArgumentException($"resource {KubeErrors.QualifiedResource(group, plural)} is not registered");

    /// <summary>Reads a stored object directly (null when absent).</summary>
    public JsonObject? GetObject(string group, string plural, string? ns, string name) => _store.TryGet(TypeOf(group, plural), ns, name);

    /// <summary>All stored objects of a resource, optionally in one namespace.</summary>
    public IReadOnlyList<JsonObject> ListObjects(string group, string plural, string? ns = null) => _store.Objects(TypeOf(group, plural), ns);

    /// <summary>Creates an object as a POST would (namespace from its metadata) and returns the stored copy.</summary>
    public JsonObject CreateObject(string group, string plural, JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var type = TypeOf(group, plural);
        var ns = type.Namespaced ? (string?)obj["metadata"]?["namespace"] ?? "default" : null;
        return _store.Create(type, ns, obj, dryRun: false);
    }

    /// <summary>Fails the next <paramref name="count"/> requests matching <paramref name="when"/> (all when null; count null = forever) with a Status of that code.</summary>
    public void FailNext(int? count, int statusCode, Func<KubeRequest, bool>? when = null, string? reason = null, string? message = null, TimeSpan? retryAfter = null) =>
        FailNext(count, KubeErrors.ForCode(statusCode, reason, message, retryAfter), when);

    /// <summary>Fails the next <paramref name="count"/> matching requests with <paramref name="error"/>.</summary>
    public void FailNext(int? count, KubeApiException error, Func<KubeRequest, bool>? when = null) =>
        _faults.Enqueue(new FaultRule(when ?? (r => r.IsResourceRequest), count, error, TimeSpan.Zero));

    /// <summary>Delays matching requests (count null = until <see cref="ClearFaults"/>).</summary>
    public void DelayRequests(TimeSpan delay, Func<KubeRequest, bool>? when = null, int? count = null) =>
        _faults.Enqueue(new FaultRule(when ?? (r => r.IsResourceRequest), count, null, delay));

    /// <summary>Removes all fault and delay rules.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>How many requests had this verb (and resource, when given).</summary>
    public int RequestCount(string verb, string? resource = null) =>
        _requests.Count(r => r.Verb == verb && (resource is null || r.Resource == resource));

    /// <summary>Forgets the requests received so far.</summary>
    public void ResetRequestLog() => _requests.Clear();

    /// <summary>Sends a BOOKMARK now to every watch that allows bookmarks.</summary>
    public void TriggerBookmarks() => _store.Bookmark();

    /// <summary>Forgets all history: watches and continue tokens from any older resourceVersion get 410 Expired.</summary>
    public void CompactHistory() => _store.Compact();

    /// <summary>Drops every watch connection abruptly (connection reset, no clean end of stream); returns how many.</summary>
    public int DropWatches() => _store.CloseWatches(abort: true);

    /// <summary>Ends every watch cleanly, as the server does on timeout; returns how many.</summary>
    public int CloseWatches() => _store.CloseWatches(abort: false);

    internal async Task BeforeRequestAsync(KubeRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        foreach (var rule in _faults.ToArray())
        {
            if (!rule.TryTake(request))
            {
                continue;
            }

            if (rule.Delay > TimeSpan.Zero)
            {
                await Task.Delay(rule.Delay, cancellationToken);
            }

            if (rule.Error is not null)
            {
                throw rule.Error;
            }
        }
    }

    private async Task BookmarkLoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                _store.Bookmark();
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Stops the server, ending open watches.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _store.CloseWatches(abort: false);
        await _bookmarkLoop;
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
