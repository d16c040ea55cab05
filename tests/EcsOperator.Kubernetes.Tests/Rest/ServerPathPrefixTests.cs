using System.Collections.Concurrent;
using System.Net;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Rest;

/// <summary>A server URL with a path (an authenticating proxy in front of the API server) keeps its path in every request.</summary>
public sealed class ServerPathPrefixTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _paths = new();
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(async context =>
        {
            _paths.Enqueue(context.Request.Path + context.Request.QueryString);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"kind":"NamespaceList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"shop"}}]}""");
        });
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("k8s/clusters/c-7x2k", "/k8s/clusters/c-7x2k/api/v1/namespaces")]
    [InlineData("k8s/clusters/c-7x2k/", "/k8s/clusters/c-7x2k/api/v1/namespaces")]
    [InlineData("", "/api/v1/namespaces")]
    public async Task Requests_go_below_the_servers_path(string path, string expected)
    {
        var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = new Uri(_address, path).ToString() }, new KubernetesClientOptions());

        var list = await client.Resource(ResourceType.Namespaces, KubernetesModelJsonContext.Default.Namespace).ListAsync(null, null, TestContext.Current.CancellationToken);

        Assert.Equal("shop", Assert.Single(list.Items).Metadata.Name);
        Assert.StartsWith(expected, Assert.Single(_paths), StringComparison.Ordinal);
    }
}
