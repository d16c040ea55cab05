using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Leader;
using EcsOperator.Kubernetes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Controller;

public sealed partial class StartupTraceTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_the_startup_category_at_debug_the_host_logs_each_phase_up_to_the_first_reconcile_in_order()
    {
        var lines = new ConcurrentQueue<string>();
        var reconciler = await RunHostAsync(lines, startupDebug: true);

        Assert.Equal(1, reconciler.Count("shop/w"));
        await Eventually.TrueAsync(() => lines.Any(l => l.Contains("first reconcile done", StringComparison.Ordinal)), "first reconcile traced");
        var phases = lines.Select(l => Phase().Match(l)).Where(m => m.Success).Select(m => (Name: m.Groups[1].Value, Ms: long.Parse(m.Groups[2].Value))).ToList();
        var order = new[] { "controllers constructed", "informers synced", "leader lease acquired" }
            .Select(name => phases.FindIndex(p => p.Name.StartsWith(name, StringComparison.Ordinal))).ToArray();
        Assert.All(order, i => Assert.True(i >= 0, $"missing phase in: {string.Join(" | ", lines)}"));
        Assert.True(phases[order[0]].Ms <= phases[order[1]].Ms && phases[order[0]].Ms <= phases[order[2]].Ms, string.Join(" | ", lines));
        // Milliseconds since this (test) process started: positive, and not a wall-clock value.
        Assert.All(phases, p => Assert.InRange(p.Ms, 0, (long)TimeSpan.FromDays(1).TotalMilliseconds));
    }

    [Fact]
    public async Task Without_debug_for_the_startup_category_nothing_is_traced()
    {
        var lines = new ConcurrentQueue<string>();
        var reconciler = await RunHostAsync(lines, startupDebug: false);

        Assert.Equal(1, reconciler.Count("shop/w"));
        Assert.DoesNotContain(lines, l => l.StartsWith(StartupTrace.Category, StringComparison.Ordinal));
    }

    private static async Task<ControllerTests.RecordingReconciler> RunHostAsync(ConcurrentQueue<string> lines, bool startupDebug)
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("w", ns: "shop"), Ct);
        var reconciler = new ControllerTests.RecordingReconciler(_ => ReconcileResult.Done);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new QueueLoggerProvider(lines));
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        if (startupDebug)
            builder.Logging.AddFilter(StartupTrace.Category, LogLevel.Debug);
        builder.Services.AddKubernetesClient(o => o.Configuration = new k8s.KubernetesClientConfiguration { Host = f.Server.BaseAddress.ToString(), Namespace = "operators" });
        builder.Services.AddKubernetesControllers(o => o.Election = new LeaderElectionOptions
        {
            Identity = "pod-1",
            LeaseName = "ecs-operator",
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        });
        builder.Services.AddController(sp =>
            new Controller<Widget>("widgets", sp.GetRequiredService<SharedInformerFactory>().For(Widget.Type, TestJsonContext.Default.Widget), reconciler));
        using var host = builder.Build();
        await host.StartAsync(Ct);
        await Eventually.TrueAsync(() => reconciler.Count("shop/w") == 1, "reconciled by the hosted controller");
        // The sync is traced by a continuation on the thread pool; a stop that cancels the wait for it first (a CI run
        // with both cores busy) loses the line, so the debug run stops only once it is there.
        if (startupDebug)
            await Eventually.TrueAsync(() => lines.Any(l => l.Contains("informers synced", StringComparison.Ordinal)), "informer sync traced");
        await host.StopAsync(Ct);
        return reconciler;
    }

    [GeneratedRegex(@"^EcsOperator\.Startup: Startup: (.+) at (\d+) ms after process start$")]
    private static partial Regex Phase();

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)}");
    }
}
