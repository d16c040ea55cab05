using System.Text.Json.Nodes;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;

namespace EcsOperator.Core.Ownership;

/// <summary>
/// The operator's share of a resource's tags: only the ones the spec names (and the owner tag). A key the resource has
/// that the spec does not name was put there by someone else (a cost-allocation tool, the console, the owner before an
/// adoption) and is left alone, neither a difference nor untagged.
/// </summary>
public static class ManagedTags
{
    /// <summary>
    /// The desired tags <paramref name="live"/> lacks or holds with another value, by key; each is added to
    /// <paramref name="differences"/> as <c>tags[key]</c>.
    /// </summary>
    public static IReadOnlyList<Tag> Missing(IReadOnlyList<Tag> desired, IReadOnlyList<Tag> live, List<FieldDifference> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var liveByKey = ByKey(live);
        var missing = ByKey(desired)
            .Where(d => !liveByKey.TryGetValue(d.Key, out var value) || value != d.Value)
            .OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new Tag { Key = d.Key, Value = d.Value })
            .ToList();
        foreach (var tag in missing)
        {
            differences.Add(new FieldDifference("tags", $"tags[{tag.Key}]", ChangeKind.InPlace, JsonValue.Create(tag.Value)!.ToJsonString(),
                liveByKey.TryGetValue(tag.Key!, out var old) ? JsonValue.Create(old)!.ToJsonString() : null));
        }

        return missing;
    }

    private static Dictionary<string, string> ByKey(IReadOnlyList<Tag> tags) =>
        tags.Where(t => t.Key is not null).GroupBy(t => t.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal);
}
