using EcsOperator.Aws.Tests.Credentials;
using EcsOperator.Testing.Moto;
using Xunit;

namespace EcsOperator.Aws.Tests.Transport;

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class MotoServerFixtureTests
{
    [Fact]
    public async Task Missing_moto_server_fails_loudly_and_says_how_to_install_it()
    {
        using var env = new EnvironmentScope();
        env.Set("PATH", env.Directory);
        var fixture = new MotoServer();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await fixture.InitializeAsync());

        Assert.Contains("moto_server was not found on PATH", error.Message, StringComparison.Ordinal);
        Assert.Contains("./scripts/test.sh", error.Message, StringComparison.Ordinal);
        await fixture.DisposeAsync();
    }
}
