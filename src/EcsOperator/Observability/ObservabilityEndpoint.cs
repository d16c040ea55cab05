using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using EcsOperator.Cli;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Observability.MetricsAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace EcsOperator.Observability;

/// <summary>
/// Two small Kestrel listeners of their own: probes (<c>/healthz</c>, <c>/livez</c>, <c>/readyz</c>, never
/// authenticated, so the kubelet needs no token) and <c>/metrics</c> (OpenTelemetry's Prometheus exporter, behind
/// <see cref="MetricsAuthorizer"/> unless <see cref="ObservabilityEndpointOptions.SecureMetrics"/> is off).
/// Registered before the controllers, so both start first and stop last: probes keep answering while the
/// controllers drain.
/// </summary>
public sealed class ObservabilityEndpoint(
    ObservabilityEndpointOptions options,
    OperatorHealth health,
    MeterProvider meterProvider,
    ManagedResourcesGauge managed,
    MetricsAuthorizer? authorizer,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    StartupTrace? startup = null) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger = loggerFactory.CreateLogger<ObservabilityEndpoint>();
    private WebApplication? _probes;
    private WebApplication? _metrics;
    private X509Certificate2? _certificate;
    private Lazy<Task>? _backgroundStart;

    /// <summary>The probe listener's address once started (the real port when the option is 0 in tests).</summary>
    public Uri? Address { get; private set; }

    /// <summary>The metrics listener's address once started (https when secure).</summary>
    public Uri? MetricsAddress { get; private set; }

    /// <summary>The gauge is held here so that it lives (and is observed) exactly as long as the endpoint.</summary>
    internal ManagedResourcesGauge Managed => managed;

    /// <summary>
    /// Binds and starts serving; a second call does nothing. Bind failures are a <see cref="StartupException"/>.
    /// After <see cref="StartInBackground"/> (the host's own start calls this) it returns at once.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _backgroundStart) is null ? StartListenersAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Starts the listeners on the thread pool and returns their start, which the caller must observe: the host's
    /// start then runs beside it instead of after it (building two Kestrel listeners is a good part of a start).
    /// </summary>
    public Task StartInBackground(CancellationToken cancellationToken)
    {
        var start = new Lazy<Task>(() => Task.Run(() => StartListenersAsync(cancellationToken), CancellationToken.None));
        return (Interlocked.CompareExchange(ref _backgroundStart, start, null) ?? start).Value;
    }

    /// <summary>
    /// Fails with the listener's own message when another process listens on the health or metrics port: binding a
    /// plain socket (as Kestrel binds: a port in TIME_WAIT is free) takes microseconds, starting Kestrel hundreds of ms.
    /// </summary>
    public void EnsurePortsFree()
    {
        foreach (var (port, option, what) in Listeners())
        {
            if (port == 0)
                continue;
            using var socket = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                socket.Bind(new IPEndPoint(options.Address, port));
            }
            catch (SocketException e)
            {
                throw CannotListen(port, option, what, e);
            }
        }
    }

    /// <summary>Whether a port to listen on lies in the kernel's ephemeral range (<see cref="EphemeralPorts"/>).</summary>
    public bool ListensInEphemeralRange => Listeners().Any(l => EphemeralPorts.Contains(l.Port));

    /// <summary>The listeners to start: port, the option that sets it, and what it serves (for messages).</summary>
    private IEnumerable<(int Port, string Option, string What)> Listeners()
    {
        if (options.Port is { } port)
            yield return (port, "--health-port", ProbesServed);
        if (options.MetricsPort is { } metricsPort)
            yield return (metricsPort, "--metrics-port", MetricsServed);
    }

    private const string ProbesServed = "/healthz, /livez and /readyz";

    private string MetricsServed => options.SecureMetrics ? "/metrics (authenticated)" : "/metrics (unauthenticated)";

    private StartupException CannotListen(int port, string option, string what, Exception e) =>
        new($"cannot listen on {options.Address}:{port} for {what} ({option}): {e.Message}", e);

    private async Task StartListenersAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_probes is not null || _metrics is not null)
                return;
            if (options.Port is { } port)
            {
                (_probes, Address) = await StartListenerAsync(port, "--health-port", ProbesServed, null, app =>
                {
                    app.MapGet("/healthz", context => WriteHealthAsync(context, health.Liveness()));
                    app.MapGet("/livez", context => WriteHealthAsync(context, health.Liveness()));
                    app.MapGet("/readyz", context => WriteHealthAsync(context, health.Readiness()));
                }, cancellationToken);
                startup?.Mark("health listener started");
            }

            if (options.MetricsPort is { } metricsPort)
            {
                var secure = options.SecureMetrics;
                _certificate = secure ? SelfSignedCertificate.Create(time) : null;
                startup?.Mark("metrics certificate created");
                (_metrics, MetricsAddress) = await StartListenerAsync(metricsPort, "--metrics-port", MetricsServed,
                    _certificate, app => app.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: "/metrics",
                        configureBranchedPipeline: branch =>
                        {
                            if (secure)
                                branch.Use(next => context => AuthorizeAsync(context, next));
                        }, optionsName: null), cancellationToken);
                startup?.Mark("metrics listener started");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A stop while the listeners are still starting in the background stops them once they are up.
        if (Volatile.Read(ref _backgroundStart) is { } starting)
            await starting.Value.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        if (_metrics is { } metrics)
            await metrics.StopAsync(cancellationToken);
        if (_probes is { } probes)
            await probes.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_metrics is { } metrics)
            await metrics.DisposeAsync();
        if (_probes is { } probes)
            await probes.DisposeAsync();
        _certificate?.Dispose();
        _gate.Dispose();
    }

    private async Task<(WebApplication App, Uri? Address)> StartListenerAsync(int port, string option, string what, X509Certificate2? certificate,
        Action<WebApplication> configure, CancellationToken cancellationToken)
    {
        // The empty builder: no configuration files (the slim one watches the working directory recursively for
        // appsettings changes, hundreds of inotify watches and most of a Native AOT start), no logging providers of
        // its own, and only the Kestrel and routing pieces these few endpoints use.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [] });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddRoutingCore();
        // The operator's host owns signals and lifetime messages; this listener starts and stops with it.
        builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(options.Address, port, listen =>
            {
                if (certificate is not null)
                    listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        configure(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw CannotListen(port, option, what, e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        _logger.LogInformation("Serving {What} on {Address}", what, bound);
        var address = bound is null ? null : new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        return (app, address);
    }

    /// <summary>401 without a valid token, 403 without RBAC permission for get /metrics, 500 when the API server cannot say.</summary>
    private async Task AuthorizeAsync(HttpContext context, RequestDelegate next)
    {
        MetricsAccess access;
        try
        {
            // The branch has moved "/metrics" into PathBase; the review asks about the URL as the scraper sent it.
            access = await authorizer!.AuthorizeAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
                (context.Request.PathBase + context.Request.Path).Value ?? "/metrics", context.RequestAborted);
        }
        catch (KubernetesApiException e)
        {
            _logger.LogWarning(e, "Cannot review a scrape of /metrics");
            await WriteTextAsync(context, StatusCodes.Status500InternalServerError, "Authorization failed\n");
            return;
        }

        switch (access)
        {
            case MetricsAccess.Allowed:
                await next(context);
                break;
            case MetricsAccess.Unauthenticated:
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await WriteTextAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized\n");
                break;
            default:
                await WriteTextAsync(context, StatusCodes.Status403Forbidden, "Forbidden: get /metrics is not allowed\n");
                break;
        }
    }

    private static Task WriteHealthAsync(HttpContext context, HealthStatus status) =>
        WriteTextAsync(context, status.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            status.Healthy ? "ok\n" : string.Join('\n', status.Problems) + "\n");

    private static Task WriteTextAsync(HttpContext context, int code, string body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
