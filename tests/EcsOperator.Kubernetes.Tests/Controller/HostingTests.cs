using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Leader;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Kubernetes.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Controller;

public sealed class HostingTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Host_runs_registered_controllers_once_it_holds_the_lease()
    {
        await using var f = await ClientFixture.StartAsync();
        await f.Widgets.CreateAsync(Widget.New("w", ns: "shop"), Ct);
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
        {
            var informer = sp.GetRequiredService<SharedInformerFactory>().For(Widget.Type, TestJsonContext.Default.Widget);
            return new Controller<Widget>("widgets", informer, reconciler);
        });
        using var host = builder.Build();
        Assert.Equal("operators", host.Services.GetRequiredService<IKubernetesClient>().DefaultNamespace);
        await host.StartAsync(Ct);
        await Eventually.TrueAsync(() => reconciler.Count("shop/w") == 1, "reconciled by the hosted controller");
        var lease = f.Server.GetObject("coordination.k8s.io", "leases", "operators", "ecs-operator");
        Assert.Equal("pod-1", (string?)lease?["spec"]?["holderIdentity"]);
        await host.StopAsync(Ct);
        lease = f.Server.GetObject("coordination.k8s.io", "leases", "operators", "ecs-operator");
        Assert.Null((string?)lease?["spec"]?["holderIdentity"]); // released on shutdown
    }

    [Fact]
    public void A_bad_kubeconfig_surfaces_as_a_configuration_error_when_the_client_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddKubernetesClient(o => o.KubeConfigPaths = ["/nonexistent/kubeconfig"]);
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<KubernetesConfigException>(() => provider.GetRequiredService<IKubernetesClient>());
        Assert.Equal("/nonexistent/kubeconfig", ex.File);
    }
}
