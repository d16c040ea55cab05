using EcsOperator.Aws.Transport;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EcsOperator.Aws.Tests.Transport;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddEcsOperatorAws_wires_a_working_singleton_transport_from_options()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) =>
            LoopbackAwsServer.WriteJsonAsync(context, """{"echo":"from DI"}"""));
        var services = new ServiceCollection();
        services.AddEcsOperatorAws(o =>
        {
            o.Region = "eu-north-1";
            o.EcsEndpoint = server.Endpoint;
            o.AccessKeyId = TestTransports.AccessKey;
            o.SecretAccessKey = TestTransports.SecretKey;
        });
        await using var provider = services.BuildServiceProvider();

        var transport = provider.GetRequiredService<IAwsJsonTransport>();
        var response = await transport.PingAsync();

        Assert.Same(transport, provider.GetRequiredService<IAwsJsonTransport>());
        Assert.Equal("from DI", response.Echo);
        Assert.Contains("/eu-north-1/ecs/aws4_request", Assert.Single(server.Requests).Headers["Authorization"], StringComparison.Ordinal);
    }
}

/// <summary>DI-built transports read the real process environment, so these run in the serial environment collection.</summary>
[Collection(EcsOperator.Aws.Tests.Credentials.ProcessEnvironmentCollection.Name)]
public sealed class DependencyInjectionEnvironmentTests
{
    private static AwsJsonTransport Build()
    {
        var services = new ServiceCollection();
        services.AddEcsOperatorAws(o =>
        {
            o.AccessKeyId = TestTransports.AccessKey;
            o.SecretAccessKey = TestTransports.SecretKey;
        });
        return services.BuildServiceProvider().GetRequiredService<AwsJsonTransport>();
    }

    [Fact]
    public async Task ValidateConfigurationAsync_reports_a_missing_region_before_any_call()
    {
        using var env = new EcsOperator.Aws.Tests.Credentials.EnvironmentScope();

        var error = await Assert.ThrowsAsync<AwsConfigurationException>(() => Build().ValidateConfigurationAsync(TestContext.Current.CancellationToken));

        Assert.Equal(EcsOperator.Aws.Credentials.AwsRegionResolver.MissingRegionMessage, error.Message);
    }

    [Fact]
    public async Task Region_and_endpoint_come_from_the_environment_when_options_are_silent()
    {
        using var env = new EcsOperator.Aws.Tests.Credentials.EnvironmentScope();
        env.Set("AWS_DEFAULT_REGION", "cn-north-1");
        env.Set("AWS_ENDPOINT_URL_APPLICATION_AUTOSCALING", "http://127.0.0.1:9/");
        var transport = Build();

        await transport.ValidateConfigurationAsync(TestContext.Current.CancellationToken);

        Assert.Equal("cn-north-1", transport.Region);
        Assert.Equal(new Uri("https://ecs.cn-north-1.amazonaws.com.cn/"), transport.EndpointFor(AwsService.Ecs));
        Assert.Equal(new Uri("http://127.0.0.1:9/"), transport.EndpointFor(AwsService.ApplicationAutoScaling));
    }
}
