using EcsOperator.Aws.Transport;
using Xunit;

namespace EcsOperator.Aws.Tests.Transport;

public sealed class AwsEndpointsTests
{
    [Theory]
    [InlineData("eu-west-1", "https://ecs.eu-west-1.amazonaws.com/")]
    [InlineData("us-gov-west-1", "https://ecs.us-gov-west-1.amazonaws.com/")]
    [InlineData("cn-north-1", "https://ecs.cn-north-1.amazonaws.com.cn/")]
    [InlineData("cn-northwest-1", "https://ecs.cn-northwest-1.amazonaws.com.cn/")]
    [InlineData("us-iso-east-1", "https://ecs.us-iso-east-1.c2s.ic.gov/")]
    [InlineData("us-isob-east-1", "https://ecs.us-isob-east-1.sc2s.sgov.gov/")]
    public void Default_ECS_endpoint_follows_the_partition(string region, string expected) =>
        Assert.Equal(new Uri(expected), AwsEndpoints.Default(AwsService.Ecs, region));

    [Fact]
    public void Default_Application_Auto_Scaling_endpoint_uses_its_prefix() =>
        Assert.Equal(
            new Uri("https://application-autoscaling.cn-north-1.amazonaws.com.cn/"),
            AwsEndpoints.Default(AwsService.ApplicationAutoScaling, "cn-north-1"));

    [Fact]
    public void Option_override_beats_the_environment()
    {
        var env = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_ECS"] = "http://127.0.0.1:1/" };

        var endpoint = AwsEndpoints.Resolve(AwsService.Ecs, "eu-west-1", new Uri("http://127.0.0.1:2/"), env.GetValueOrDefault);

        Assert.Equal(new Uri("http://127.0.0.1:2/"), endpoint);
    }

    [Fact]
    public void Service_specific_variable_beats_the_global_one()
    {
        var env = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1/",
            ["AWS_ENDPOINT_URL_APPLICATION_AUTOSCALING"] = "http://127.0.0.1:3/",
        };

        Assert.Equal(new Uri("http://127.0.0.1:3/"), AwsEndpoints.Resolve(AwsService.ApplicationAutoScaling, "eu-west-1", null, env.GetValueOrDefault));
        Assert.Equal(new Uri("http://127.0.0.1:1/"), AwsEndpoints.Resolve(AwsService.Ecs, "eu-west-1", null, env.GetValueOrDefault));
    }

    [Fact]
    public void Malformed_endpoint_variable_is_a_configuration_error_naming_the_variable()
    {
        var env = new Dictionary<string, string> { ["AWS_ENDPOINT_URL_ECS"] = "localhost:5000" };

        var error = Assert.Throws<AwsConfigurationException>(() => AwsEndpoints.Resolve(AwsService.Ecs, "eu-west-1", null, env.GetValueOrDefault));

        Assert.Contains("AWS_ENDPOINT_URL_ECS", error.Message, StringComparison.Ordinal);
    }
}
