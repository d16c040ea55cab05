using System.Text.Json;
using EcsOperator.Aws.Model.Ecs;
using Xunit;

namespace EcsOperator.Aws.Tests.Model;

/// <summary>Container cpu/memory are strings in the ECS API, but emulators send numbers; both must read.</summary>
public sealed class NumericStringConverterTests
{
    [Theory]
    [InlineData("""{ "cpu": "512", "memory": "1024" }""")]
    [InlineData("""{ "cpu": 512, "memory": 1024 }""")]
    public void Container_cpu_and_memory_read_from_strings_or_numbers(string json)
    {
        var container = JsonSerializer.Deserialize(json, EcsJsonContext.Default.Container)!;

        Assert.Equal(("512", "1024"), (container.Cpu, container.Memory));
        Assert.Equal("""{"cpu":"512","memory":"1024"}""", JsonSerializer.Serialize(container, EcsJsonContext.Default.Container));
    }

    [Fact]
    public void Anything_else_is_rejected_with_the_member_path()
    {
        var error = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{ "cpu": true }""", EcsJsonContext.Default.Container));

        Assert.Equal("$.cpu", error.Path);
    }
}
