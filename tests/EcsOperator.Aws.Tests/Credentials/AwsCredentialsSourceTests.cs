using System.Text.RegularExpressions;
using Amazon.Runtime;
using EcsOperator.Aws.Credentials;
using EcsOperator.Aws.Tests.Transport;
using EcsOperator.Aws.Transport;
using Xunit;

namespace EcsOperator.Aws.Tests.Credentials;

public sealed partial class AwsCredentialsSourceTests
{
    [GeneratedRegex("Credential=([^/]+)/")]
    private static partial Regex CredentialKey();

    private static string KeyOf(ReceivedRequest request) => CredentialKey().Match(request.Headers["Authorization"]).Groups[1].Value;

    [Fact]
    public void Access_key_without_secret_is_rejected_naming_the_missing_half()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => new AwsCredentialsSource(new AwsClientOptions { AccessKeyId = "AKID" }));

        Assert.Contains("SecretAccessKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_profile_is_a_configuration_error_naming_the_profile()
    {
        var source = new AwsCredentialsSource(new AwsClientOptions { Profile = "ecs-operator-tests-no-such-profile" });

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => source.GetAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ecs-operator-tests-no-such-profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_lived_refreshing_credentials_are_fetched_once_and_reused()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        var credentials = new CountingCredentials(TimeSpan.FromHours(1));
        var transport = TestTransports.Create(server.Endpoint, o => o.Credentials = credentials);

        for (var i = 0; i < 3; i++)
        {
            await transport.PingAsync();
        }

        Assert.Equal(1, credentials.Generations);
        Assert.All(server.Requests, r => Assert.Equal("KEY1", KeyOf(r)));
    }

    [Fact]
    public async Task Credentials_close_to_expiry_are_refreshed_before_the_next_call()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        // Each set expires in 30 s, inside the SDK's 1-minute expiration buffer (ExpirationBuffer): every call must
        // get a fresh set, so the transport never signs with credentials about to expire.
        var credentials = new CountingCredentials(TimeSpan.FromSeconds(30));
        var transport = TestTransports.Create(server.Endpoint, o => o.Credentials = credentials);

        for (var i = 0; i < 3; i++)
        {
            await transport.PingAsync();
        }

        Assert.Equal(["KEY1", "KEY2", "KEY3"], server.Requests.Select(KeyOf));
    }

    [Fact]
    public async Task Failing_credential_refresh_is_a_retryable_error_that_names_the_source()
    {
        var source = new AwsCredentialsSource(_ => Task.FromResult<AWSCredentials>(new FailingCredentials()));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => source.GetAsync(TestContext.Current.CancellationToken));

        Assert.Equal("CredentialsUnavailable", error.ErrorCode);
        Assert.Equal(AwsErrorKind.Retryable, error.Kind);
        Assert.Contains(nameof(FailingCredentials), error.Message, StringComparison.Ordinal);
        Assert.Contains("endpoint down", error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingCredentials(TimeSpan lifetime) : RefreshingAWSCredentials
    {
        private int _generations;

        public int Generations => Volatile.Read(ref _generations);

        protected override CredentialsRefreshState GenerateNewCredentials()
        {
            var n = Interlocked.Increment(ref _generations);
            return new CredentialsRefreshState(new ImmutableCredentials($"KEY{n}", $"secret{n}", $"token{n}"), DateTime.UtcNow + lifetime);
        }

        protected override Task<CredentialsRefreshState> GenerateNewCredentialsAsync() => Task.FromResult(GenerateNewCredentials());
    }

    private sealed class FailingCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw new AmazonClientException("endpoint down");
    }
}
