using EcsOperator.KubeApiServer;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

/// <summary>Starts a test server bound to the test's cancellation.</summary>
internal static class TestServers
{
    public static Task<KubeApiTestServer> StartAsync(KubeApiTestServerOptions? options = null) =>
        KubeApiTestServer.StartAsync(options, TestContext.Current.CancellationToken);
}
