using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;
using EcsOperator.Core.Diffing;
using EcsOperator.Core.Hashing;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.Services;

/// <summary>
/// Diffs a desired CreateService request against a described service: the basis of updates (spec changed) and of
/// drift detection (AWS changed). Only fields in <see cref="ManagedServiceFields"/> are compared; inside them every member
/// the spec sets must match, and ECS defaults fill what the spec omits on both sides. Of the tags, only the ones the spec
/// names (and the owner tag) are compared, as for clusters: a tag someone else put on the service is left alone.
/// </summary>
public static class ServiceComparer
{
    /// <param name="desired">The translated spec, with the task definition resolved to an ARN or family:revision.</param>
    /// <param name="live">The service as DescribeServices returned it.</param>
    /// <param name="autoScalingOwnsDesiredCount">While Application Auto Scaling manages the service, its desired count is not ours to compare.</param>
    public static ServiceComparison Compare(CreateServiceRequest desired, Service live, bool autoScalingOwnsDesiredCount)
    {
        var defaults = ManagedServiceFields.Defaults(desired.SchedulingStrategy);
        var desiredNode = Canonical(WithDefaults(Managed(Serialize(desired)), defaults));
        var liveNode = Canonical(WithDefaults(Managed(LiveAsRequest(live)), defaults));
        JsonObject? originalDesired = null; // serialized only when an update is built

        var differences = new List<FieldDifference>();
        var update = new JsonObject
        {
            ["cluster"] = live.ClusterArn ?? desired.Cluster,
            ["service"] = live.ServiceName ?? desired.ServiceName,
        };

        foreach (var field in ManagedServiceFields.All)
        {
            if (field.Name == "desiredCount" && (autoScalingOwnsDesiredCount || desired.SchedulingStrategy == "DAEMON"))
                continue;

            var desiredValue = desiredNode[field.Name];
            var liveValue = liveNode[field.Name];
            if (desiredValue is null && !field.ManagedWhenAbsent)
                continue;

            var mismatch = field.Name switch
            {
                "taskDefinition" => SameTaskDefinition(desiredValue, liveValue) ? null : field.Name,
                "role" => SameRole(desiredValue, liveValue) ? null : field.Name,
                _ when desiredValue is null => liveValue is null ? null : field.Name,
                _ => JsonSubset.FirstMismatch(desiredValue, liveValue, field.Name),
            };
            if (mismatch is null)
                continue;

            differences.Add(new FieldDifference(field.Name, mismatch, field.Kind, desiredValue?.ToJsonString(), liveValue?.ToJsonString()));
            if (field.Kind != ChangeKind.Immutable)
                update[field.Name] = (originalDesired ??= Serialize(desired))[field.Name]?.DeepClone() ?? defaults[field.Name]?.DeepClone() ?? new JsonArray();
        }

        var changeable = differences.Any(d => d.Kind != ChangeKind.Immutable);
        // Tags are not an UpdateService field (TagResource sets them), so they are compared after the update is decided.
        var tagResource = CompareTags(desired.Tags ?? [], live.Tags ?? [], live.ServiceArn, differences);
        return new ServiceComparison(
            differences,
            changeable ? update.Deserialize(EcsJsonContext.Default.UpdateServiceRequest) : null)
        {
            TagResource = tagResource,
        };
    }

    /// <summary>The tags the spec names (and the owner tag) that the service lacks: <see cref="ManagedTags"/>.</summary>
    private static TagResourceRequest? CompareTags(IReadOnlyList<Tag> desired, IReadOnlyList<Tag> live, string? serviceArn, List<FieldDifference> differences)
    {
        var missing = ManagedTags.Missing(desired, live, differences);
        return missing.Count == 0 || serviceArn is null ? null : new TagResourceRequest { ResourceArn = serviceArn, Tags = [.. missing] };
    }

    private static JsonObject Serialize(CreateServiceRequest request) =>
        JsonSerializer.SerializeToNode(request, EcsJsonContext.Default.CreateServiceRequest)!.AsObject();

    /// <summary>
    /// DescribeServices uses CreateService's names but for the role, which it reports as <c>roleArn</c>. The lists no
    /// managed field reads are left out (events, deployments, task sets; tags are compared typed): up to 100 events
    /// were most of what a comparison serialized and canonicalized. ServiceComparisonCostTests checks that none of
    /// them is a managed field.
    /// </summary>
    private static JsonObject LiveAsRequest(Service live)
    {
        var read = live with { Events = null, Deployments = null, TaskSets = null, CurrentServiceRevisions = null, Tags = null };
        var node = JsonSerializer.SerializeToNode(read, EcsJsonContext.Default.Service)!.AsObject();
        if (node["roleArn"] is { } role)
        {
            node.Remove("roleArn");
            node["role"] = role;
        }

        return node;
    }

    /// <summary>
    /// Only the members <see cref="ManagedServiceFields.All"/> names: nothing else is read, and each member's canonical
    /// form does not depend on the others, so the comparison is the same without them.
    /// </summary>
    private static JsonObject Managed(JsonObject node)
    {
        List<string>? others = null;
        foreach (var (name, _) in node)
        {
            if (!ManagedNames.Contains(name))
                (others ??= []).Add(name);
        }

        foreach (var name in others ?? [])
            node.Remove(name);
        return node;
    }

    private static readonly HashSet<string> ManagedNames = new(ManagedServiceFields.All.Select(f => f.Name), StringComparer.Ordinal);

    private static JsonObject WithDefaults(JsonObject target, JsonObject defaults)
    {
        foreach (var (name, value) in defaults)
        {
            if (target[name] is null)
                target[name] = value?.DeepClone();
            else if (value is JsonObject nestedDefaults && target[name] is JsonObject nested)
                WithDefaults(nested, nestedDefaults);
        }

        return target;
    }

    private static JsonObject Canonical(JsonObject node) =>
        CanonicalJson.Canonicalize(node, EcsJsonContext.Default.CreateServiceRequest) as JsonObject ?? [];

    private static bool SameTaskDefinition(JsonNode? desired, JsonNode? live) =>
        desired is null || (live is not null && EcsNames.TaskDefinitionFamilyRevision(desired.GetValue<string>())
            == EcsNames.TaskDefinitionFamilyRevision(live.GetValue<string>()));

    /// <summary>A role may be given by name or ARN; ECS reports the ARN.</summary>
    private static bool SameRole(JsonNode? desired, JsonNode? live)
    {
        if (desired is null)
            return true;
        if (live is null)
            return false;
        static string Name(string role) => role[(role.LastIndexOf('/') + 1)..];
        return Name(desired.GetValue<string>()) == Name(live.GetValue<string>());
    }
}
