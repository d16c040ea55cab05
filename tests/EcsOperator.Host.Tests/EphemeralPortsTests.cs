using EcsOperator.Cli;
using Xunit;

namespace EcsOperator.Host.Tests;

/// <summary>Which listen ports the operator binds before its own first connections (those the kernel could hand out to them).</summary>
public sealed class EphemeralPortsTests
{
    [Theory]
    [InlineData("32768\t60999", 8443, false)]
    [InlineData("32768\t60999", 8081, false)]
    [InlineData("32768\t60999", 40000, true)]
    [InlineData("1024 65535", 8443, true)]
    [InlineData("", 40000, true)]          // unreadable: Linux's default range
    [InlineData("garbage", 8081, false)]
    public void A_port_in_the_kernels_ephemeral_range_is_recognised(string rangeFile, int port, bool inside) =>
        Assert.Equal(inside, EphemeralPorts.Contains(port, EphemeralPorts.Parse(rangeFile)));
}
