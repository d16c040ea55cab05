using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>RFC 7386 JSON merge patch.</summary>
public static class JsonMergePatch
{
    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> and returns the result (target is not modified).</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject t ? t.DeepClone().AsObject() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var current = result.TryGetPropertyValue(key, out var c) ? c : null;
                result[key] = Apply(current, value);
            }
        }

        return result;
    }
}
