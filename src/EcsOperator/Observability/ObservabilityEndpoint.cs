using System.Net;
using EcsOperator.Cli;
using EcsOperator.Observability.Prometheus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Observability;

/// <summary>Where the observability listener binds.</summary>
public sealed record ObservabilityEndpointOptions(IPAddress Address, int Port);

/// <summary>
/// A small Kestrel listener of its own (not shared with anything else) serving <c>/healthz</c>, <c>/readyz</c> and
/// <c>/metrics</c>. Registered before the controllers, so it starts first and stops last: probes keep answering
/// while the controllers drain.
/// </summary>
public sealed class ObservabilityEndpoint(
    ObservabilityEndpointOptions options,
    OperatorHealth health,
    PrometheusExporter exporter,
    ManagedResourcesGauge managed,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;

    /// <summary>The bound address once started (the real port when <see cref="ObservabilityEndpointOptions.Port"/> is 0 in tests).</summary>
    public Uri? Address { get; private set; }

    /// <summary>The gauge is held here so that it lives (and is observed) exactly as long as the endpoint.</summary>
    internal ManagedResourcesGauge Managed => managed;

    /// <summary>Binds and starts serving; a second call does nothing. Bind failures are a <see cref="StartupException"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_app is not null)
                return;
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(loggerFactory);
            // The operator's host owns signals and lifetime messages; this listener starts and stops with it.
            builder.Services.AddSingleton<IHostLifetime, PassiveLifetime>();
            builder.WebHost.UseKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Listen(options.Address, options.Port);
            });
            var app = builder.Build();
            app.MapGet("/healthz", context => WriteHealthAsync(context, health.Liveness()));
            app.MapGet("/livez", context => WriteHealthAsync(context, health.Liveness()));
            app.MapGet("/readyz", context => WriteHealthAsync(context, health.Readiness()));
            app.MapGet("/metrics", async context =>
            {
                context.Response.ContentType = PrometheusText.ContentType;
                await context.Response.WriteAsync(exporter.Collect(), context.RequestAborted);
            });
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                await app.DisposeAsync();
                throw new StartupException($"cannot listen on {options.Address}:{options.Port} for /healthz, /readyz and /metrics (--health-port): {e.Message}", e);
            }

            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            Address = bound is null ? null : new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
            _app = app;
            loggerFactory.CreateLogger<ObservabilityEndpoint>().LogInformation("Serving /healthz, /readyz and /metrics on {Address}", bound);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
            await app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
            await app.DisposeAsync();
        _gate.Dispose();
    }

    private static Task WriteHealthAsync(HttpContext context, HealthStatus status)
    {
        context.Response.StatusCode = status.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/plain; charset=utf-8";
        var body = status.Healthy ? "ok\n" : string.Join('\n', status.Problems) + "\n";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }

    private sealed class PassiveLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
