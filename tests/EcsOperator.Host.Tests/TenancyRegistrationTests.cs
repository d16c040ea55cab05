using System.Text.Json.Nodes;
using EcsOperator.Aws.Principals;
using EcsOperator.Core.Tenancy;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EcsOperator.Host.Tests;

/// <summary>The tenancy wiring against a fake API server: policies and namespace labels come from the informer caches.</summary>
public sealed class TenancyRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Build(KubeApiTestServer? kube, TenancyMode? mode)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEcsOperator(
            o => o.LeaderElection = false,
            k => k.Configuration = new k8s.KubernetesClientConfiguration { Host = (kube?.BaseAddress ?? new Uri("http://127.0.0.1:9")).ToString(), Namespace = "ecs-operator" },
            a =>
            {
                a.Region = "us-east-1";
                a.AccessKeyId = "AKIDEXAMPLE";
                a.SecretAccessKey = "secret";
            });
        services.AddEcsOperatorTenancy(t => t.Mode = mode);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Without_a_mode_no_policy_is_read_and_the_operator_principal_serves_every_namespace()
    {
        // No API server needed: nothing is listed.
        using var provider = Build(null, null);
        Assert.IsType<SharedAwsClients>(provider.GetRequiredService<IAwsClientsForNamespace>());
        Assert.True(provider.GetRequiredService<INamespaceTenancySource>().For("shop").MayUseOperatorPrincipal);
        Assert.Empty(provider.GetRequiredService<SharedInformerFactory>().Informers);
    }

    [Fact]
    public async Task Strict_reads_policies_and_namespace_labels_from_informers_and_refuses_namespaces_without_a_role()
    {
        await using var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml") }, Ct);
        kube.CreateObject("", "namespaces", (JsonObject)JsonNode.Parse("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop", "labels": {"team": "shop"}}}""")!);
        kube.CreateObject("", "namespaces", (JsonObject)JsonNode.Parse("""{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "stranger"}}""")!);
        kube.CreateObject("ecs.operator.dev", "ecstenantpolicies", (JsonObject)YamlToJson.ParseDocuments(
            File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "tenancy", "tenant-policy-example.yaml"))).Single()!);
        using var provider = Build(kube, TenancyMode.Strict);

        var clients = provider.GetRequiredService<IAwsClientsForNamespace>();
        Assert.IsType<AssumedRoleAwsClients>(clients);
        var tenancy = provider.GetRequiredService<INamespaceTenancySource>();
        Assert.Throws<InvalidOperationException>(() => tenancy.For("shop")); // caches not synced: retried, never guessed

        var informers = provider.GetRequiredService<SharedInformerFactory>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = informers.RunAsync(stop.Token);
        await informers.WaitForSyncAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        var shop = tenancy.For("shop");
        Assert.Equal("shop", shop.PolicyName);
        Assert.Equal("arn:aws:iam::111122223333:role/ecs-operator-tenants/shop", shop.AwsRoleArn);
        Assert.NotNull(clients.For("shop")); // a session is set up; no STS call until the first AWS call

        var stranger = tenancy.For("stranger");
        Assert.Null(stranger.PolicyName);
        Assert.Equal("stranger_", stranger.Rules!.TaskDefinitionFamilyPrefix);
        var refused = Assert.Throws<NamespacePrincipalRefusedException>(() => clients.For("stranger"));
        Assert.Contains("no EcsTenantPolicy selects namespace stranger", refused.Message, StringComparison.Ordinal);

        await stop.CancelAsync();
        await running;
    }
}
