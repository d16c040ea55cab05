using EcsOperator.Aws.Credentials;
using EcsOperator.Aws.Tests.Transport;
using EcsOperator.Aws.Transport;
using Xunit;

namespace EcsOperator.Aws.Tests.Credentials;

public sealed class AwsRegionResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }

    private static string? NoProfiles(string profile) => null;

    [Fact]
    public void Option_beats_the_environment() =>
        Assert.Equal("eu-west-1", AwsRegionResolver.Resolve("eu-west-1", null, Env(("AWS_REGION", "us-east-1")), NoProfiles));

    [Fact]
    public void AWS_REGION_beats_AWS_DEFAULT_REGION() =>
        Assert.Equal("us-east-2", AwsRegionResolver.Resolve(null, null, Env(("AWS_REGION", "us-east-2"), ("AWS_DEFAULT_REGION", "us-west-2")), NoProfiles));

    [Fact]
    public void AWS_DEFAULT_REGION_is_used_when_AWS_REGION_is_blank() =>
        Assert.Equal("us-west-2", AwsRegionResolver.Resolve(null, null, Env(("AWS_REGION", " "), ("AWS_DEFAULT_REGION", "us-west-2")), NoProfiles));

    [Fact]
    public void Profile_region_is_the_last_fallback_and_follows_AWS_PROFILE()
    {
        var asked = new List<string>();
        string? Lookup(string profile)
        {
            asked.Add(profile);
            return profile == "prod" ? "ap-southeast-2" : null;
        }

        Assert.Equal("ap-southeast-2", AwsRegionResolver.Resolve(null, null, Env(("AWS_PROFILE", "prod")), Lookup));
        Assert.Equal(["prod"], asked);
    }

    [Fact]
    public void Explicit_profile_option_beats_AWS_PROFILE()
    {
        var asked = new List<string>();
        AwsRegionResolver.Resolve(null, "staging", Env(("AWS_PROFILE", "prod")), p =>
        {
            asked.Add(p);
            return "eu-central-1";
        });

        Assert.Equal(["staging"], asked);
    }

    [Fact]
    public void No_region_anywhere_is_one_clear_configuration_error()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsRegionResolver.Resolve(null, null, Env(), NoProfiles));

        Assert.Equal(AwsRegionResolver.MissingRegionMessage, error.Message);
        Assert.Contains("--aws-region", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_REGION", error.Message, StringComparison.Ordinal);
        Assert.Contains("profile", error.Message, StringComparison.Ordinal);
        Assert.Equal(AwsErrorKind.Terminal, error.Kind);
    }

    [Theory]
    [InlineData("EU-WEST-1")]
    [InlineData("eu west 1")]
    [InlineData("https://ecs.eu-west-1.amazonaws.com")]
    public void Malformed_region_is_rejected_with_the_value_named(string region)
    {
        var error = Assert.Throws<AwsConfigurationException>(() => AwsRegionResolver.Resolve(region, null, Env(), NoProfiles));

        Assert.Contains(region, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transport_without_a_region_fails_with_the_message_and_sends_nothing()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, "{}"));
        // A profile name that cannot exist, so a developer's ~/.aws/config region cannot leak into the test.
        var transport = TestTransports.Create(server.Endpoint, o =>
        {
            o.Region = null;
            o.Profile = "ecs-operator-tests-no-such-profile";
        });

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => transport.PingAsync());

        Assert.Equal(AwsRegionResolver.MissingRegionMessage, error.Message);
        Assert.Equal(0, server.Count);
    }
}
