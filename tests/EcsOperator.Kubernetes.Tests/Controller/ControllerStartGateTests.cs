using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Leader;
using EcsOperator.Kubernetes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Controller;

public sealed class ControllerStartGateTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Informers_list_while_the_gate_holds_but_nothing_reconciles_or_takes_the_lease_until_it_opens()
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("w", ns: "shop"), Ct);
        var ready = new TaskCompletionSource();
        var (host, reconciler) = Build(f, ready.Task);
        using (host)
        {
            await host.StartAsync(Ct);
            await host.Services.GetRequiredService<SharedInformerFactory>().WaitForSyncAsync(Ct);
            await Task.Delay(300, Ct); // time enough for a lease request and a reconcile, were they allowed
            Assert.Equal(0, reconciler.Count("shop/w"));
            Assert.Null(f.Server.GetObject("coordination.k8s.io", "leases", "operators", "ecs-operator"));

            ready.SetResult();
            await Eventually.TrueAsync(() => reconciler.Count("shop/w") == 1, "reconciled once the gate opened");
            await host.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task A_failed_gate_never_starts_the_controllers()
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("w", ns: "shop"), Ct);
        var (host, reconciler) = Build(f, Task.FromException(new IOException("address in use")));
        using (host)
        {
            await host.StartAsync(Ct);
            await host.Services.GetRequiredService<SharedInformerFactory>().WaitForSyncAsync(Ct);
            await Task.Delay(300, Ct);
            Assert.Equal(0, reconciler.Count("shop/w"));
            Assert.Null(f.Server.GetObject("coordination.k8s.io", "leases", "operators", "ecs-operator"));
            await host.StopAsync(Ct);
        }
    }

    private static (IHost Host, ControllerTests.RecordingReconciler Reconciler) Build(ClientFixture f, Task gate)
    {
        var reconciler = new ControllerTests.RecordingReconciler(_ => ReconcileResult.Done);
        var builder = Host.CreateApplicationBuilder();
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
        var host = builder.Build();
        host.Services.GetRequiredService<ControllerStartGate>().HoldUntil(gate);
        return (host, reconciler);
    }
}
