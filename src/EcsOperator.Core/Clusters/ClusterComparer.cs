using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;
using EcsOperator.Core.Hashing;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.Clusters;

/// <summary>
/// Diffs a desired CreateCluster request against a described cluster (DescribeClusters with include SETTINGS,
/// CONFIGURATIONS and TAGS). Settings, configuration and Service Connect defaults are compared when the spec sets
/// them (every member it sets must match); capacity providers and the default strategy when the spec sets either
/// of them; the tags the spec names (and the owner tag) always, other tags never.
/// </summary>
public static class ClusterComparer
{
    /// <summary>What ECS reports for containerInsights when it was never set.</summary>
    public const string ContainerInsightsDefault = "disabled";

    public static ClusterComparison Compare(CreateClusterRequest desired, Cluster live)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(live);
        var clusterRef = live.ClusterArn ?? live.ClusterName ?? desired.ClusterName
            ?? throw new ArgumentException("the live cluster has neither an ARN nor a name", nameof(live));
        var differences = new List<FieldDifference>();

        if (desired.ClusterName is not null && live.ClusterName is not null && desired.ClusterName != live.ClusterName)
            differences.Add(new FieldDifference("clusterName", "clusterName", ChangeKind.Immutable, Quote(desired.ClusterName), Quote(live.ClusterName)));

        var desiredNode = Canonical(Serialize(desired));
        var liveNode = Canonical(LiveAsRequest(live));

        var update = new UpdateClusterRequest { Cluster = clusterRef };
        var updateNeeded = false;
        if (Differs("settings", desiredNode, liveNode, differences))
        {
            update = update with { Settings = desired.Settings };
            updateNeeded = true;
        }

        if (Differs("configuration", desiredNode, liveNode, differences))
        {
            update = update with { Configuration = desired.Configuration };
            updateNeeded = true;
        }

        if (desired.ServiceConnectDefaults?.Namespace is { } ns && !SameNamespace(ns, live.ServiceConnectDefaults?.Namespace))
        {
            differences.Add(new FieldDifference("serviceConnectDefaults", "serviceConnectDefaults.namespace", ChangeKind.InPlace, Quote(ns), Quote(live.ServiceConnectDefaults?.Namespace)));
            update = update with { ServiceConnectDefaults = desired.ServiceConnectDefaults };
            updateNeeded = true;
        }

        PutClusterCapacityProvidersRequest? putCapacityProviders = null;
        if (desired.CapacityProviders is not null || desired.DefaultCapacityProviderStrategy is not null)
        {
            var providersDiffer = CompareExactly("capacityProviders", desiredNode, liveNode, differences);
            var strategyDiffers = CompareExactly("defaultCapacityProviderStrategy", desiredNode, liveNode, differences);
            if (providersDiffer || strategyDiffers)
            {
                putCapacityProviders = new PutClusterCapacityProvidersRequest
                {
                    Cluster = clusterRef,
                    CapacityProviders = desired.CapacityProviders ?? [],
                    DefaultCapacityProviderStrategy = desired.DefaultCapacityProviderStrategy ?? [],
                };
            }
        }

        var tagResource = CompareTags(desired.Tags ?? [], live.Tags ?? [], live.ClusterArn, differences);

        return new ClusterComparison
        {
            Differences = differences,
            Update = updateNeeded ? update : null,
            PutCapacityProviders = putCapacityProviders,
            TagResource = tagResource,
        };
    }

    /// <summary>The tags the spec names (and the owner tag) that the cluster lacks: <see cref="ManagedTags"/>.</summary>
    private static TagResourceRequest? CompareTags(IReadOnlyList<Tag> desired, IReadOnlyList<Tag> live, string? clusterArn, List<FieldDifference> differences)
    {
        var missing = ManagedTags.Missing(desired, live, differences);
        if (missing.Count == 0)
            return null;
        if (clusterArn is null)
            throw new ArgumentException("the live cluster's tags differ but it has no ARN to tag");
        return new TagResourceRequest { ResourceArn = clusterArn, Tags = [.. missing] };
    }

    /// <summary>A field the spec may leave open: only what it sets is compared.</summary>
    private static bool Differs(string field, JsonObject desired, JsonObject live, List<FieldDifference> differences)
    {
        var desiredValue = desired[field];
        if (desiredValue is null)
            return false;
        var mismatch = JsonSubset.FirstMismatch(desiredValue, live[field], field);
        if (mismatch is null)
            return false;
        differences.Add(new FieldDifference(field, mismatch, ChangeKind.InPlace, desiredValue.ToJsonString(), live[field]?.ToJsonString()));
        return true;
    }

    /// <summary>A field the spec owns in full: absent means empty, and live extras are differences.</summary>
    private static bool CompareExactly(string field, JsonObject desired, JsonObject live, List<FieldDifference> differences)
    {
        var desiredValue = desired[field];
        var liveValue = live[field];
        var mismatch = JsonSubset.FirstMismatch(desiredValue, liveValue, field)
            ?? JsonSubset.FirstMismatch(liveValue, desiredValue, field);
        if (mismatch is null)
            return false;
        differences.Add(new FieldDifference(field, mismatch, ChangeKind.InPlace, desiredValue?.ToJsonString(), liveValue?.ToJsonString()));
        return true;
    }

    private static JsonObject Serialize(CreateClusterRequest request)
    {
        var node = JsonSerializer.SerializeToNode(request, EcsJsonContext.Default.CreateClusterRequest)!.AsObject();
        node.Remove("tags");
        ApplyStrategyDefaults(node);
        return node;
    }

    /// <summary>The described cluster in CreateCluster's shape, with ECS's implicit defaults spelled out.</summary>
    private static JsonObject LiveAsRequest(Cluster live)
    {
        var full = JsonSerializer.SerializeToNode(live, EcsJsonContext.Default.Cluster)!.AsObject();
        var node = new JsonObject();
        foreach (var member in new[] { "settings", "configuration", "capacityProviders", "defaultCapacityProviderStrategy" })
        {
            if (full[member] is { } value)
                node[member] = value.DeepClone();
        }

        var settings = node["settings"] as JsonArray ?? [];
        if (!settings.Any(s => s?["name"]?.GetValue<string>() == "containerInsights"))
            settings.Add((JsonNode)new JsonObject { ["name"] = "containerInsights", ["value"] = ContainerInsightsDefault });
        node["settings"] = settings;
        ApplyStrategyDefaults(node);
        return node;
    }

    /// <summary>ECS reports base and weight of every strategy item; both default to 0.</summary>
    private static void ApplyStrategyDefaults(JsonObject node)
    {
        if (node["defaultCapacityProviderStrategy"] is not JsonArray strategy)
            return;
        foreach (var item in strategy.OfType<JsonObject>())
        {
            item["base"] ??= 0;
            item["weight"] ??= 0;
        }
    }

    private static JsonObject Canonical(JsonObject node) =>
        CanonicalJson.Canonicalize(node, EcsJsonContext.Default.CreateClusterRequest) as JsonObject ?? [];

    /// <summary>
    /// A Cloud Map namespace may be given by name or ARN, but ECS reports the ARN, whose resource part is the
    /// namespace id, not its name: an ARN is compared exactly, a name only needs some namespace to be set.
    /// </summary>
    private static bool SameNamespace(string desired, string? live) =>
        live is not null && (!desired.StartsWith("arn:", StringComparison.Ordinal) || desired == live);

    private static string? Quote(string? value) => value is null ? null : JsonValue.Create(value).ToJsonString();
}
