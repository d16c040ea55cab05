using EcsOperator.Core.Validation;

namespace EcsOperator.Core.Tests.Validation;

public sealed class FargateTaskSizeTests
{
    [Theory]
    [InlineData(256, 512)]
    [InlineData(256, 2048)]
    [InlineData(512, 4096)]
    [InlineData(1024, 8192)]
    [InlineData(2048, 5120)]
    [InlineData(4096, 30720)]
    [InlineData(8192, 20480)]
    [InlineData(16384, 122880)]
    public void Accepts_pairs_from_the_Fargate_table(int cpu, int memory) =>
        Assert.Null(FargateTaskSize.Check(cpu, memory));

    [Theory]
    [InlineData(256, 1536, "512, 1024, 2048")]
    [InlineData(256, 4096, "512, 1024, 2048")]
    [InlineData(512, 512, "1024, 2048, 3072, 4096")]
    [InlineData(2048, 17408, "4096 to 16384 in steps of 1024")]
    [InlineData(8192, 18432, "16384 to 61440 in steps of 4096")]
    [InlineData(16384, 36864, "32768 to 122880 in steps of 8192")]
    public void Rejects_memory_outside_the_row_and_names_what_is_accepted(int cpu, int memory, string accepted)
    {
        var message = FargateTaskSize.Check(cpu, memory);
        Assert.NotNull(message);
        Assert.Contains(accepted, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_cpu_Fargate_does_not_offer()
    {
        var message = FargateTaskSize.Check(3072, 8192);
        Assert.Contains("does not offer cpu 3072", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1024", 1024)]
    [InlineData("1 vCPU", 1024)]
    [InlineData("0.25 vcpu", 256)]
    [InlineData("16vCPU", 16384)]
    [InlineData(" 512 ", 512)]
    public void Parses_cpu_units_and_vcpu(string text, int units) => Assert.Equal(units, FargateTaskSize.ParseCpuUnits(text));

    [Theory]
    [InlineData("2048", 2048)]
    [InlineData("2 GB", 2048)]
    [InlineData("0.5GB", 512)]
    [InlineData("120 gb", 122880)]
    public void Parses_memory_mib_and_gb(string text, int mib) => Assert.Equal(mib, FargateTaskSize.ParseMemoryMiB(text));

    [Theory]
    [InlineData("lots")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("0.1 vCPU")]
    public void Rejects_text_that_is_not_a_cpu_value(string text) => Assert.Null(FargateTaskSize.ParseCpuUnits(text));
}
