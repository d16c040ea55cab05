using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Ecs;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EcsOperator.Aws.Tests.Clients;

public sealed class ClientRegistrationTests
{
    [Fact]
    public void AddEcsOperatorAws_registers_the_typed_clients_as_singletons_over_the_shared_transport()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddEcsOperatorAws(o =>
            {
                o.Region = "eu-west-1";
                o.AccessKeyId = "AKIDEXAMPLE";
                o.SecretAccessKey = "secret";
            })
            .BuildServiceProvider();

        var ecs = provider.GetRequiredService<IEcsApi>();
        var aas = provider.GetRequiredService<IApplicationAutoScalingApi>();

        Assert.IsType<EcsClient>(ecs);
        Assert.IsType<ApplicationAutoScalingClient>(aas);
        Assert.Same(ecs, provider.GetRequiredService<IEcsApi>());
    }
}
