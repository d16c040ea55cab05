using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>Reads numbers from JSON values whatever CLR type backs them (parsed text, long, int, double).</summary>
internal static class JsonNumbers
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ToDouble(JsonNode node)
    {
        var v = node.AsValue();
        if (v.TryGetValue<double>(out var d))
        {
            return d;
        }

        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (v.TryGetValue<int>(out var i))
        {
            return i;
        }

        return v.TryGetValue<decimal>(out var m) ? (double)m : throw new InvalidOperationException($"not a number: {node.ToJsonString()}");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long ToLong(JsonNode node) => node.AsValue().TryGetValue<long>(out var l) ? l : (long)ToDouble(node);

    /// <summary>A copy whose values are all backed by parsed JSON, so equality and reads behave uniformly.</summary>
    public static JsonObject Normalize(JsonObject obj) => JsonNode.Parse(obj.ToJsonString())!.AsObject();
}
