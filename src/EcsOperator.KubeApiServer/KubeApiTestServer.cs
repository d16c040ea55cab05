using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace EcsOperator.KubeApiServer;

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
    private bool _unavailable;

    private KubeApiTestServer(KubeApiTestServerOptions options, ResourceRegistry registry, ObjectStore store, WebApplication app, Uri baseAddress, TestCertificates? certificates)
    {
        Certificates = certificates;
        Options = options;
        Resources = registry;
        _store = store;
        _app = app;
        BaseAddress = baseAddress;
        _bookmarkLoop = options.BookmarkInterval is { } interval ? BookmarkLoopAsync(interval) : Task.CompletedTask;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>TokenReview and SubjectAccessReview answers: which tokens and non-resource grants exist.</summary>
    public AccessReviews AccessReviews { get; } = new();

    /// <summary>The CA, server and client certificates when TLS is on; null otherwise.</summary>
    public TestCertificates? Certificates { get; }

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
            store.Create(registry.Namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } }, new WriteOptions());
        }

        store.AutoCreateNamespaces = options.AutoCreateNamespaces;

        var certificates = options.UseTls || options.ClientCertificateAuth ? TestCertificates.Create() : null;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port, listen =>
        {
            if (certificates is not null)
            {
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificates.Server,
                    // Like kube: a client certificate is optional at the TLS layer; authentication decides later.
                    ClientCertificateMode = options.ClientCertificateAuth ? ClientCertificateMode.AllowCertificate : ClientCertificateMode.NoCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                });
            }
        }));
        var app = builder.Build();
        KubeApiHandler? handler = null;
        app.Run(context => handler!.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new KubeApiTestServer(options, registry, store, app, new Uri(address.TrimEnd('/') + "/"), certificates);
        handler = new KubeApiHandler(server, store, registry, options);
        return server;
    }

    /// <summary>An HttpClient for this server (with the bearer token when one is configured).</summary>
    public HttpClient CreateHttpClient() => CreateHttpClient(withClientCertificate: true);

    /// <summary>An HttpClient trusting the test CA; with the client certificate when client-certificate auth is on and asked for.</summary>
    public HttpClient CreateHttpClient(bool withClientCertificate)
    {
        var handler = new HttpClientHandler();
        if (Certificates is { } certs)
        {
            handler.ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && certs.IsIssuedByCa(cert);
            if (withClientCertificate && Options.ClientCertificateAuth)
            {
                handler.ClientCertificateOptions = ClientCertificateOption.Manual;
                handler.ClientCertificates.Add(certs.Client);
            }
        }

        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        if (Options.BearerToken is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A kubeconfig (YAML) pointing at this server with the CA, token and client certificate as configured.</summary>
    public string KubeconfigYaml(string contextName = "kube-api-test", string? defaultNamespace = null)
    {
        static string B64(string pem) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem));
        var sb = new System.Text.StringBuilder();
        sb.AppendLine("apiVersion: v1");
        sb.AppendLine("kind: Config");
        sb.AppendLine("clusters:");
        sb.AppendLine($"- name: {contextName}");
        sb.AppendLine("  cluster:");
        sb.AppendLine($"    server: {BaseAddress.ToString().TrimEnd('/')}");
        if (Certificates is { } certs)
        {
            sb.AppendLine($"    certificate-authority-data: {B64(certs.CertificateAuthorityPem)}");
        }

        sb.AppendLine("users:");
        sb.AppendLine($"- name: {contextName}");
        sb.AppendLine("  user:");
        var any = false;
        if (Options.BearerToken is { } token)
        {
            sb.AppendLine($"    token: {token}");
            any = true;
        }

        if (Options.ClientCertificateAuth && Certificates is { } c)
        {
            sb.AppendLine($"    client-certificate-data: {B64(c.ClientCertificatePem)}");
            sb.AppendLine($"    client-key-data: {B64(c.ClientKeyPem)}");
            any = true;
        }

        if (!any)
        {
            sb.AppendLine("    {}");
        }

        sb.AppendLine("contexts:");
        sb.AppendLine($"- name: {contextName}");
        sb.AppendLine("  context:");
        sb.AppendLine($"    cluster: {contextName}");
        sb.AppendLine($"    user: {contextName}");
        if (defaultNamespace is not null)
        {
            sb.AppendLine($"    namespace: {defaultNamespace}");
        }

        sb.AppendLine($"current-context: {contextName}");
        return sb.ToString();
    }

    internal bool IsAuthenticated(Microsoft.AspNetCore.Http.HttpContext context)
    {
        if (Options.BearerToken is null && !Options.ClientCertificateAuth)
        {
            return true;
        }

        if (Options.BearerToken is { } token && context.Request.Headers.Authorization.ToString() == "Bearer " + token)
        {
            return true;
        }

        return Options.ClientCertificateAuth && context.Connection.ClientCertificate is { } cert && Certificates!.IsIssuedByCa(cert);
    }

    private ServedResource TypeOf(string group, string plural) =>
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
        return ObjectStore.Parse(_store.Create(type, ns, obj, new WriteOptions()));
    }

    /// <summary>
    /// Changes a stored object in-process as a user's merge patch would (no HTTP, no faults); the write is
    /// attributed to <paramref name="actor"/> in <see cref="Written"/>. Returns the stored copy.
    /// </summary>
    /// <param name="status">True: write the status subresource, as a controller's status update would.</param>
    public JsonObject PatchObject(string group, string plural, string? ns, string name, Action<JsonObject> change, string actor = "test", bool status = false)
    {
        ArgumentNullException.ThrowIfNull(change);
        var previous = ObjectStore.Actor;
        ObjectStore.Actor = actor;
        try
        {
            return ObjectStore.Parse(_store.Patch(TypeOf(group, plural), ns, name, current =>
            {
                change(current);
                return current;
            }, status, new WriteOptions()));
        }
        finally
        {
            ObjectStore.Actor = previous;
        }
    }

    /// <summary>Deletes a stored object in-process as a user's DELETE would (finalizers honoured); attributed to <paramref name="actor"/>.</summary>
    public JsonObject DeleteObject(string group, string plural, string? ns, string name, string actor = "test")
    {
        var previous = ObjectStore.Actor;
        ObjectStore.Actor = actor;
        try
        {
            return _store.Delete(TypeOf(group, plural), ns, name, new DeleteOptions(), dryRun: false);
        }
        finally
        {
            ObjectStore.Actor = previous;
        }
    }

    /// <summary>
    /// Raised, under the store's lock (keep it short), for every write the store accepts, with the request's
    /// User-Agent as actor; lets a test check what a client wrote (e.g. that a controller never writes spec).
    /// </summary>
    public event Action<StoredWrite>? Written
    {
        add => _store.Written += value;
        remove => _store.Written -= value;
    }

    /// <summary>A copy of the whole store, to <see cref="Restore"/> later (an etcd backup).</summary>
    public StoreSnapshot Snapshot() => _store.Snapshot();

    /// <summary>
    /// Restores a snapshot: objects, history and the resourceVersion counter go back to it, every watch is dropped.
    /// Clients that saw newer resourceVersions now hold versions "in the future" (watches from them get 504
    /// ResourceVersionTooLarge, as kube's watch cache answers).
    /// </summary>
    public void Restore(StoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _store.Restore(snapshot);
    }

    /// <summary>
    /// While true the server is down for API clients: every request but /healthz, /livez, /readyz has its connection
    /// reset, and setting it drops every open watch.
    /// </summary>
    public bool Unavailable
    {
        get => Volatile.Read(ref _unavailable);
        set
        {
            Volatile.Write(ref _unavailable, value);
            if (value)
            {
                _store.CloseWatches(abort: true);
            }
        }
    }

    /// <summary>Fails the next <paramref name="count"/> requests matching <paramref name="when"/> (every API resource request when null; count null = until <see cref="ClearFaults"/>) with kube's Status for that code.</summary>
    public void FailNext(int? count, int statusCode, Func<KubeRequest, bool>? when = null, string? reason = null, string? message = null, TimeSpan? retryAfter = null) =>
        FailNext(count, KubeErrors.ForCode(statusCode, reason, message, retryAfter), when);

    /// <summary>Fails the next <paramref name="count"/> matching requests with <paramref name="error"/>.</summary>
    public void FailNext(int? count, KubeApiException error, Func<KubeRequest, bool>? when = null) =>
        _faults.Enqueue(new FaultRule(when ?? (r => r.IsResourceRequest), count, error, TimeSpan.Zero));

    /// <summary>Delays matching requests (count null = until <see cref="ClearFaults"/>).</summary>
    public void DelayRequests(TimeSpan delay, Func<KubeRequest, bool>? when = null, int? count = null) =>
        _faults.Enqueue(new FaultRule(when ?? (r => r.IsResourceRequest), count, null, delay));

    /// <summary>
    /// Holds the next <paramref name="count"/> requests matching <paramref name="when"/> (count null = every one) until
    /// the returned hold is released or disposed: an order of events a test needs regardless of how loaded the machine is.
    /// </summary>
    public RequestHold HoldRequests(Func<KubeRequest, bool>? when = null, int? count = null)
    {
        var hold = new RequestHold();
        _faults.Enqueue(new FaultRule(when ?? (r => r.IsResourceRequest), count, null, TimeSpan.Zero, hold.Released));
        return hold;
    }

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
        if (Options.RecordRequests)
        {
            _requests.Enqueue(request);
        }

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

            if (rule.Gate is not null)
            {
                await rule.Gate.WaitAsync(cancellationToken);
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
        Certificates?.Dispose();
    }
}
