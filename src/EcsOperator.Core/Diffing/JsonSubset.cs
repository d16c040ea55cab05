using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsOperator.Core.Diffing;

/// <summary>
/// Compares what a spec says with what AWS reports, field by field: every member the spec sets must match, members
/// only AWS reports (server-side defaults, computed values) are not differences. Both sides must be canonical
/// (<see cref="Hashing.CanonicalJson"/>) so that keyed lists and sets line up by position.
/// </summary>
public static class JsonSubset
{
    /// <summary>The path of the first place where <paramref name="live"/> does not cover <paramref name="desired"/>; null when it does.</summary>
    public static string? FirstMismatch(JsonNode? desired, JsonNode? live, string path)
    {
        switch (desired)
        {
            case null:
                return null;
            case JsonObject desiredObject:
                if (live is not JsonObject liveObject)
                    return path;
                foreach (var (name, value) in desiredObject)
                {
                    var mismatch = FirstMismatch(value, liveObject[name], $"{path}.{name}");
                    if (mismatch is not null)
                        return mismatch;
                }

                return null;
            case JsonArray desiredArray:
                if (live is not JsonArray liveArray || liveArray.Count != desiredArray.Count)
                    return path;
                for (var i = 0; i < desiredArray.Count; i++)
                {
                    var mismatch = FirstMismatch(desiredArray[i], liveArray[i], $"{path}[{i}]");
                    if (mismatch is not null)
                        return mismatch;
                }

                return null;
            default:
                return live is JsonValue && ScalarEquals((JsonValue)desired, (JsonValue)live) ? null : path;
        }
    }

    private static bool ScalarEquals(JsonValue desired, JsonValue live)
    {
        if (desired.GetValueKind() == JsonValueKind.Number && live.GetValueKind() == JsonValueKind.Number)
            return decimal.Parse(desired.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
                == decimal.Parse(live.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);
        return JsonNode.DeepEquals(desired, live);
    }
}
