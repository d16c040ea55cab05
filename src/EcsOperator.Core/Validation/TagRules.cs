using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.Validation;

/// <summary>
/// ECS tag limits for user tags, leaving room for the operator's own tags: keys 1..128 characters, values up to 256,
/// no reserved <c>aws:</c> prefix, each key once, and none of the operator's <c>ecs.operator.dev/</c> keys (they
/// record ownership; a user value would hand the resource to someone else).
/// </summary>
internal static class TagRules
{
    /// <summary>ECS allows 50 tags per resource; the operator adds up to two (owner and spec hash).</summary>
    public const int MaxUserTags = 48;

    private const string OperatorPrefix = "ecs.operator.dev/";

    public static void Check(IReadOnlyList<Tag>? tags, string path, FieldErrors errors)
    {
        if (tags is null)
            return;
        if (tags.Count > MaxUserTags)
            errors.Add(path, $"{tags.Count} tags listed but ECS allows 50 per resource and the operator adds its own {50 - MaxUserTags}: keep at most {MaxUserTags}");
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var tagPath = FieldErrors.Item(path, tag.Key, i);
            if (string.IsNullOrEmpty(tag.Key) || tag.Key.Length > 128)
                errors.Add($"{tagPath}.key", "a tag key needs 1 to 128 characters: set or shorten key");
            else if (tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
                errors.Add($"{tagPath}.key", $"tag key {tag.Key} uses the prefix aws:, which AWS reserves: choose another key");
            else if (tag.Key.StartsWith(OperatorPrefix, StringComparison.Ordinal))
                errors.Add($"{tagPath}.key", $"tag key {tag.Key} is set by the operator (e.g. {OwnershipTags.OwnerKey}): remove it from the spec");
            if (tag.Value is { Length: > OwnershipTags.MaxTagValueLength })
                errors.Add($"{tagPath}.value", $"tag value has {tag.Value.Length} characters; ECS allows at most {OwnershipTags.MaxTagValueLength}: shorten it");
        }

        foreach (var (key, index) in FieldErrors.Duplicates(tags, t => t.Key))
            errors.Add(FieldErrors.Item(path, key, index), $"tag key {key} is listed more than once: keep one");
    }
}
