using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.KubeApiServer;
using Xunit;
using ServerResourceType = EcsOperator.KubeApiServer.ServedResource;

namespace EcsOperator.Kubernetes.Tests.Support;

/// <summary>A test API server serving widgets, and our client pointed at it.</summary>
public sealed class ClientFixture : IAsyncDisposable
{
    private ClientFixture(KubeApiTestServer server, KubernetesClient client)
    {
        Server = server;
        Client = client;
        Widgets = client.Resource(Widget.Type, TestJsonContext.Default.Widget);
    }

    public KubeApiTestServer Server { get; }

    public KubernetesClient Client { get; }

    public IResourceClient<Widget> Widgets { get; }

    public static async Task<ClientFixture> StartAsync(KubeApiTestServerOptions? serverOptions = null, k8s.Authentication.ITokenProvider? tokenProvider = null,
        KubernetesClientOptions? clientOptions = null, TimeProvider? clientTime = null)
    {
        serverOptions ??= new KubeApiTestServerOptions();
        serverOptions = serverOptions with
        {
            Resources = [.. serverOptions.Resources, ServerResourceType.Custom("test.example.com", "v1", "widgets", "Widget")],
        };
        var server = await KubeApiTestServer.StartAsync(serverOptions, TestContext.Current.CancellationToken);
        var client = new KubernetesClient(
            new k8s.KubernetesClientConfiguration { Host = server.BaseAddress.ToString(), TokenProvider = tokenProvider },
            clientOptions ?? new KubernetesClientOptions { Qps = 1000, Burst = 1000, MaxRetryAfter = TimeSpan.FromMilliseconds(20) },
            clientTime);
        return new ClientFixture(server, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
