using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace EcsOperator.Aws.Tests.Model;

/// <summary>Structural JSON comparison that shows both documents when they differ.</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Equal(string expectedJson, JsonNode? actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"JSON differs.{Environment.NewLine}Expected:{Environment.NewLine}{expected?.ToJsonString(Indented)}" +
            $"{Environment.NewLine}Actual:{Environment.NewLine}{actual?.ToJsonString(Indented)}");
    }
}
