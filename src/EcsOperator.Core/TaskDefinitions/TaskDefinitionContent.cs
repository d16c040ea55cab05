using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;
using EcsOperator.Core.Hashing;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.TaskDefinitions;

/// <summary>
/// The content of a task-definition revision: its hash (what decides whether a new revision is registered) and its
/// comparison with a registered revision (what lets the operator reuse a revision instead of registering a
/// duplicate, e.g. when adopting a family).
/// </summary>
public static class TaskDefinitionContent
{
    /// <summary>
    /// The spec hash of a RegisterTaskDefinition request: ECS defaults applied, order-free where ECS is, and blind to
    /// the operator's own tags (which carry the hash itself).
    /// </summary>
    public static string Hash(RegisterTaskDefinitionRequest request) =>
        SpecHash.OfCanonical(CanonicalJson.ToCanonicalString(Node(request), EcsJsonContext.Default.RegisterTaskDefinitionRequest));

    /// <summary>
    /// The fields where a registered revision does not carry what <paramref name="desired"/> asks for; empty when
    /// registering <paramref name="desired"/> again would produce the same revision. Members ECS adds on its own
    /// (requiresAttributes, compatibilities, cpu 0 for containers, empty lists) are not differences.
    /// </summary>
    public static IReadOnlyList<string> Differences(RegisterTaskDefinitionRequest desired, TaskDefinition registered, IReadOnlyList<Tag>? registeredTags)
    {
        var registeredNode = JsonSerializer.SerializeToNode(registered, EcsJsonContext.Default.TaskDefinition)!.AsObject();
        var registeredRequest = registeredNode.Deserialize(EcsJsonContext.Default.RegisterTaskDefinitionRequest)! with { Tags = registeredTags };

        var desiredCanonical = CanonicalJson.Canonicalize(Node(desired), EcsJsonContext.Default.RegisterTaskDefinitionRequest) as JsonObject ?? [];
        var liveCanonical = CanonicalJson.Canonicalize(Node(registeredRequest), EcsJsonContext.Default.RegisterTaskDefinitionRequest) as JsonObject ?? [];

        var differences = new List<string>();
        foreach (var (name, value) in desiredCanonical)
        {
            var mismatch = JsonSubset.FirstMismatch(value, liveCanonical[name], name);
            if (mismatch is not null)
                differences.Add(mismatch);
        }

        // A member ECS stores but the spec no longer sets is a difference too, except what ECS fills in itself.
        foreach (var (name, _) in liveCanonical)
        {
            if (desiredCanonical[name] is null && !EcsFilledMembers.Contains(name))
                differences.Add(name);
        }

        return differences;
    }

    private static readonly HashSet<string> EcsFilledMembers = new(StringComparer.Ordinal)
    {
        "family", "networkMode", "tags",
    };

    private static JsonObject Node(RegisterTaskDefinitionRequest request)
    {
        var normalized = TaskDefinitionDefaults.Apply(request) with
        {
            Tags = request.Tags?.Where(t => t.Key is not (OwnershipTags.OwnerKey or OwnershipTags.SpecHashKey)).ToList(),
        };
        return JsonSerializer.SerializeToNode(normalized, EcsJsonContext.Default.RegisterTaskDefinitionRequest)!.AsObject();
    }
}
