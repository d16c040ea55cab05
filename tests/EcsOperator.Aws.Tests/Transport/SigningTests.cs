using System.Text.RegularExpressions;
using EcsOperator.Aws.Transport;
using Xunit;
using Microsoft.Extensions.Time.Testing;

namespace EcsOperator.Aws.Tests.Transport;

public sealed partial class SigningTests
{
    private static readonly DateTimeOffset SignedAt = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<scope>[^,]+), SignedHeaders=(?<headers>[^,]+), Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();

    [Fact]
    public void Independent_checker_reproduces_the_AWS_SigV4_test_suite_get_vanilla_vector()
    {
        // aws-sig-v4-test-suite/get-vanilla: GET / with Host and X-Amz-Date only.
        var signature = SigV4Check.Signature(
            "GET",
            "/",
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            [],
            "20150830T123600Z",
            "us-east-1",
            "service",
            TestTransports.SecretKey);

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("session-token-value")]
    public async Task Request_carries_a_SigV4_signature_that_an_independent_computation_agrees_with(string? sessionToken)
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        var transport = TestTransports.Create(server.Endpoint, o => o.SessionToken = sessionToken, new FakeTimeProvider(SignedAt));

        await transport.PingAsync("signed body");

        var request = Assert.Single(server.Requests);
        Assert.Equal("20150830T123600Z", request.Headers["X-Amz-Date"]);
        var match = AuthorizationHeader().Match(request.Headers["Authorization"]);
        Assert.True(match.Success, $"unexpected Authorization header: {request.Headers["Authorization"]}");
        Assert.Equal(TestTransports.AccessKey, match.Groups["key"].Value);
        Assert.Equal("20150830/eu-west-1/ecs/aws4_request", match.Groups["scope"].Value);
        var signedHeaderNames = match.Groups["headers"].Value.Split(';');
        Assert.Contains("host", signedHeaderNames);
        Assert.Contains("x-amz-date", signedHeaderNames);
        Assert.Contains("x-amz-target", signedHeaderNames);
        Assert.Contains("content-type", signedHeaderNames);
        if (sessionToken is null)
        {
            Assert.False(request.Headers.ContainsKey("X-Amz-Security-Token"));
        }
        else
        {
            Assert.Equal(sessionToken, request.Headers["X-Amz-Security-Token"]);
            Assert.Contains("x-amz-security-token", signedHeaderNames);
        }

        // Recompute over what actually arrived on the wire (header values as received, body bytes as received).
        var expected = SigV4Check.Signature(
            "POST",
            "/",
            signedHeaderNames.Select(name => (name, request.Headers[name])).ToList(),
            request.Body,
            "20150830T123600Z",
            "eu-west-1",
            "ecs",
            TestTransports.SecretKey);
        Assert.Equal(expected, match.Groups["signature"].Value);
    }

    [Fact]
    public async Task Application_Auto_Scaling_requests_are_scoped_to_its_signing_name()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        var transport = TestTransports.Create(server.Endpoint, time: new FakeTimeProvider(SignedAt));
        var operation = new AwsOperation(AwsService.ApplicationAutoScaling, "DescribeScalableTargets", OperationFamily.Read);

        await transport.PingAsync(operation: operation);

        var request = Assert.Single(server.Requests);
        Assert.Equal("AnyScaleFrontendService.DescribeScalableTargets", request.Headers["X-Amz-Target"]);
        Assert.Contains("/20150830/eu-west-1/application-autoscaling/aws4_request,", request.Headers["Authorization"], StringComparison.Ordinal);
    }
}
