namespace EcsOperator.Simulator.Tests;

/// <summary>With <see cref="EcsSimulatorOptions.RequireContainerInstances"/>, EC2 work needs registered instances everywhere.</summary>
public sealed class StrictCapacityTests : Ec2Test
{
    protected override EcsSimulatorOptions Options => new() { RequireContainerInstances = true };

    [Fact]
    public async Task Ec2_service_without_instances_reports_that_none_were_found_and_starts_when_one_registers()
    {
        await CreateClusterAsync();
        var td = await RegisterEc2Async("web", cpu: 128, memory: 256);
        await CreateEc2ServiceAsync("web", td, desired: 1);
        Sim.Tick(3);

        var service = await DescribeServiceAsync("web");
        Assert.Equal(0, Int(service, "runningCount") + Int(service, "pendingCount"));
        Assert.Contains(service["events"]!.AsArray(), e => Str(e, "message").Contains("No Container Instances were found in your cluster.", StringComparison.Ordinal));

        Sim.AddContainerInstance();
        await TickUntilRolloutAsync("web", "COMPLETED");
    }
}
