using System.Text.RegularExpressions;
using EcsOperator.Aws.Credentials;
using EcsOperator.Aws.Tests.Transport;
using EcsOperator.Aws.Transport;
using EcsOperator.Testing.Moto;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace EcsOperator.Aws.Tests.Credentials;

/// <summary>The SDK's default credential chain as the operator meets it in a pod: nothing, EKS Pod Identity, IRSA.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed partial class DefaultChainTests(MotoServer moto)
{
    [GeneratedRegex("Credential=([^/]+)/")]
    private static partial Regex CredentialKey();

    private static AwsJsonTransport ChainTransport(Uri endpoint) => new(
        new HttpClient(),
        new AwsClientOptions { Region = "eu-west-1", EcsEndpoint = endpoint, Retry = { MaxAttempts = 1 } },
        environment: _ => null);

    [Fact]
    public async Task No_credentials_anywhere_is_one_clear_configuration_error_and_nothing_is_sent()
    {
        using var env = new EnvironmentScope();
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        var transport = ChainTransport(server.Endpoint);

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => transport.PingAsync());

        Assert.StartsWith(AwsCredentialsSource.MissingCredentialsMessage, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task EKS_Pod_Identity_container_credentials_are_fetched_with_the_token_file_and_used_to_sign()
    {
        using var env = new EnvironmentScope();
        var authorizations = new List<string>();
        await using var agent = await LoopbackAwsServer.StartAsync((context, _) =>
        {
            lock (authorizations)
            {
                authorizations.Add(context.Request.Headers.Authorization.ToString());
            }

            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync($$"""
                {"AccessKeyId":"ASIAPODIDENTITY","SecretAccessKey":"pod-secret","Token":"pod-session-token",
                 "AccountId":"123456789012","Expiration":"{{DateTime.UtcNow.AddHours(6):yyyy-MM-ddTHH:mm:ssZ}}"}
                """);
        });
        var tokenFile = Path.Combine(env.Directory, "eks-pod-identity-token");
        await File.WriteAllTextAsync(tokenFile, "projected-service-account-token", TestContext.Current.CancellationToken);
        env.Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", new Uri(agent.Endpoint, "v1/credentials").ToString());
        env.Set("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile);
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        var transport = ChainTransport(server.Endpoint);

        await transport.PingAsync();
        await transport.PingAsync();

        Assert.Equal(["projected-service-account-token"], authorizations); // fetched once, cached while valid
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("ASIAPODIDENTITY", CredentialKey().Match(r.Headers["Authorization"]).Groups[1].Value);
            Assert.Equal("pod-session-token", r.Headers["X-Amz-Security-Token"]);
        });
    }

    [Fact]
    public async Task IRSA_web_identity_credentials_come_from_STS_and_sign_ECS_calls()
    {
        using var env = new EnvironmentScope();
        await moto.ResetAsync(TestContext.Current.CancellationToken);
        var tokenFile = Path.Combine(env.Directory, "token");
        await File.WriteAllTextAsync(tokenFile, "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", TestContext.Current.CancellationToken);
        env.Set("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ecs-operator");
        env.Set("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile);
        env.Set("AWS_ROLE_SESSION_NAME", "ecs-operator-test");
        env.Set("AWS_REGION", "eu-west-1");
        env.Set("AWS_ENDPOINT_URL_STS", moto.Endpoint.ToString());
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        var transport = ChainTransport(server.Endpoint);

        await transport.PingAsync();

        var request = Assert.Single(server.Requests);
        var key = CredentialKey().Match(request.Headers["Authorization"]).Groups[1].Value;
        Assert.StartsWith("ASIA", key, StringComparison.Ordinal); // temporary credentials from AssumeRoleWithWebIdentity
        Assert.False(string.IsNullOrEmpty(request.Headers.GetValueOrDefault("X-Amz-Security-Token")));
    }
}
