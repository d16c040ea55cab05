using System.Net;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.Support;

/// <summary>
/// An HTTPS "API server" (server certificate signed by the test CA) that answers every request with a NamespaceList
/// naming who called: the client certificate's CN (or "anonymous") and "token-" plus the bearer token.
/// </summary>
public sealed class WhoAmIServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WhoAmIServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<WhoAmIServer> StartAsync(TestCertificates certs)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certs.Server,
            ClientCertificateMode = ClientCertificateMode.AllowCertificate,
            ClientCertificateValidation = (_, _, _) => true,
        })));
        var app = builder.Build();
        app.Run(async context =>
        {
            var cn = context.Connection.ClientCertificate?.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false) ?? "anonymous";
            var token = context.Request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$$"""{"kind":"NamespaceList","apiVersion":"v1","metadata":{"resourceVersion":"1"},"items":[{"metadata":{"name":"{{{cn}}}"}},{"metadata":{"name":"token-{{{token}}}"}}]}""");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WhoAmIServer(app, new Uri(address));
    }

    /// <summary>Who the server saw: [client certificate CN or "anonymous", "token-" + bearer token].</summary>
    public static async Task<string[]> WhoAmIAsync(KubernetesClient client)
    {
        var list = await client.Resource(ResourceType.Namespaces, KubernetesModelJsonContext.Default.Namespace).ListAsync(null, null, TestContext.Current.CancellationToken);
        return [.. list.Items.Select(n => n.Metadata.Name!)];
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
