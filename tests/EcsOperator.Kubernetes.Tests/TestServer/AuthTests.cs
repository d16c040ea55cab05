using System.Net;
using System.Text;
using EcsOperator.KubeApiServer;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

public sealed class AuthTests
{
    private const string ConfigMaps = "api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Tls_server_is_trusted_through_the_test_ca_only()
    {
        await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { UseTls = true });
        using var untrusting = new HttpClient { BaseAddress = server.BaseAddress };

        var trusted = await new Http(server.CreateHttpClient()).GetAsync(ConfigMaps);

        Assert.Equal("https", server.BaseAddress.Scheme);
        Assert.Equal(HttpStatusCode.OK, trusted.Status);
        await Assert.ThrowsAsync<HttpRequestException>(() => untrusting.GetAsync(ConfigMaps, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Client_certificate_from_the_test_ca_authenticates()
    {
        await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { ClientCertificateAuth = true });

        var withCert = await new Http(server.CreateHttpClient()).GetAsync(ConfigMaps);
        var withoutCert = await new Http(server.CreateHttpClient(withClientCertificate: false)).GetAsync(ConfigMaps);
        var health = await new Http(server.CreateHttpClient(withClientCertificate: false)).GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, withCert.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCert.Status);
        Assert.Equal(HttpStatusCode.OK, health.Status);
    }

    [Fact]
    public async Task Kubeconfig_carries_server_ca_token_and_client_certificate()
    {
        await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { ClientCertificateAuth = true, BearerToken = "tok" });

        var yaml = server.KubeconfigYaml("test", "shop");
        var doc = YamlToJson.ParseDocuments(yaml).Single()!;

        Assert.Equal(server.BaseAddress.ToString().TrimEnd('/'), (string?)doc["clusters"]![0]!["cluster"]!["server"]);
        var ca = Encoding.UTF8.GetString(Convert.FromBase64String((string)doc["clusters"]![0]!["cluster"]!["certificate-authority-data"]!));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", ca);
        Assert.Equal("tok", (string?)doc["users"]![0]!["user"]!["token"]);
        var key = Encoding.UTF8.GetString(Convert.FromBase64String((string)doc["users"]![0]!["user"]!["client-key-data"]!));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", key);
        Assert.Equal("shop", (string?)doc["contexts"]![0]!["context"]!["namespace"]);
        Assert.Equal("test", (string?)doc["current-context"]);
    }
}
