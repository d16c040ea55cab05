using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>
/// The ECS operations (target prefix <c>AmazonEC2ContainerServiceV20141113</c>). Each handler takes the request
/// body and returns the response body; callers hold the state lock.
/// </summary>
internal sealed partial class EcsApi
{
    public const string TargetPrefix = "AmazonEC2ContainerServiceV20141113";

    private readonly SimulatorState _state;
    private readonly Scheduler _scheduler;
    private readonly Dictionary<string, Func<JsonObject, JsonObject>> _operations;

    public EcsApi(SimulatorState state, Scheduler scheduler)
    {
        _state = state;
        _scheduler = scheduler;
        _operations = new(StringComparer.Ordinal)
        {
            ["CreateCluster"] = CreateCluster,
            ["DescribeClusters"] = DescribeClusters,
            ["ListClusters"] = ListClusters,
            ["UpdateCluster"] = UpdateCluster,
            ["UpdateClusterSettings"] = UpdateClusterSettings,
            ["DeleteCluster"] = DeleteCluster,
            ["PutClusterCapacityProviders"] = PutClusterCapacityProviders,
            ["CreateCapacityProvider"] = CreateCapacityProvider,
            ["UpdateCapacityProvider"] = UpdateCapacityProvider,
            ["DeleteCapacityProvider"] = DeleteCapacityProvider,
            ["DescribeCapacityProviders"] = DescribeCapacityProviders,
            ["RegisterTaskDefinition"] = RegisterTaskDefinition,
            ["DescribeTaskDefinition"] = DescribeTaskDefinition,
            ["ListTaskDefinitions"] = ListTaskDefinitions,
            ["ListTaskDefinitionFamilies"] = ListTaskDefinitionFamilies,
            ["DeregisterTaskDefinition"] = DeregisterTaskDefinition,
            ["DeleteTaskDefinitions"] = DeleteTaskDefinitions,
            ["CreateService"] = CreateService,
            ["DescribeServices"] = DescribeServices,
            ["UpdateService"] = UpdateService,
            ["DeleteService"] = DeleteService,
            ["ListServices"] = ListServices,
            ["ListServiceDeployments"] = ListServiceDeployments,
            ["DescribeServiceDeployments"] = DescribeServiceDeployments,
            ["DescribeServiceRevisions"] = DescribeServiceRevisions,
            ["StopServiceDeployment"] = StopServiceDeployment,
            ["RegisterContainerInstance"] = RegisterContainerInstance,
            ["DeregisterContainerInstance"] = DeregisterContainerInstance,
            ["ListContainerInstances"] = ListContainerInstances,
            ["DescribeContainerInstances"] = DescribeContainerInstances,
            ["RunTask"] = RunTask,
            ["DescribeTasks"] = DescribeTasks,
            ["ListTasks"] = ListTasks,
            ["StopTask"] = StopTask,
            ["TagResource"] = TagResource,
            ["UntagResource"] = UntagResource,
            ["ListTagsForResource"] = ListTagsForResource,
        };
    }

    public IReadOnlyCollection<string> Operations => _operations.Keys;

    public bool TryGet(string operation, out Func<JsonObject, JsonObject> handler) =>
        _operations.TryGetValue(operation, out handler!);

    private DateTimeOffset Now => _state.Now;

    /// <summary>Finds an ACTIVE cluster by name or ARN; absent means <c>default</c>, as ECS does.</summary>
    internal SimCluster ResolveCluster(string? reference)
    {
        var name = ClusterName(reference);
        if (_state.Clusters.TryGetValue(name, out var cluster) && cluster.Status == "ACTIVE")
        {
            return cluster;
        }

        throw AwsErrorException.ClusterNotFound();
    }

    internal static string ClusterName(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return "default";
        }

        if (reference.StartsWith("arn:", StringComparison.Ordinal))
        {
            var index = reference.IndexOf(":cluster/", StringComparison.Ordinal);
            if (index < 0)
            {
                throw AwsErrorException.InvalidParameter("Invalid cluster ARN.");
            }

            return reference[(index + ":cluster/".Length)..];
        }

        return reference;
    }

    /// <summary>Resolves <c>family</c> (latest ACTIVE), <c>family:revision</c> or an ARN; null when there is none.</summary>
    internal SimTaskDefinition? FindTaskDefinition(string reference)
    {
        var text = reference;
        if (text.StartsWith("arn:", StringComparison.Ordinal))
        {
            var index = text.IndexOf(":task-definition/", StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }

            text = text[(index + ":task-definition/".Length)..];
        }

        var colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return _state.TaskDefinitions.TryGetValue(text, out var all)
                ? all.LastOrDefault(td => td is { Status: "ACTIVE" })
                : null;
        }

        var family = text[..colon];
        if (!int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision)
            || !_state.TaskDefinitions.TryGetValue(family, out var revisions)
            || revision < 1 || revision > revisions.Count)
        {
            return null;
        }

        return revisions[revision - 1];
    }

    internal SimService? FindService(SimCluster cluster, string reference)
    {
        var name = reference;
        if (reference.StartsWith("arn:", StringComparison.Ordinal))
        {
            var index = reference.IndexOf(":service/", StringComparison.Ordinal);
            if (index < 0)
            {
                return null;
            }

            var path = reference[(index + ":service/".Length)..].Split('/');
            if (path.Length == 2 && path[0] != cluster.Name)
            {
                return null;
            }

            name = path[^1];
        }

        return _state.Services.GetValueOrDefault(SimulatorState.ServiceKey(cluster.Name, name));
    }

    private static JsonArray RenderTags(SimTags tags) =>
        new([.. tags.Items.Select(t => (JsonNode?)new JsonObject { ["key"] = t.Key, ["value"] = t.Value })]);

    private static SimTags ReadTags(JsonObject request, string member = "tags")
    {
        var tags = new SimTags();
        foreach (var node in Json.Arr(request, member) ?? [])
        {
            if (node is not JsonObject tag)
            {
                throw AwsErrorException.InvalidParameter("Tags must be objects with key and value.");
            }

            var key = Json.Str(tag, "key");
            if (string.IsNullOrEmpty(key) || key.Length > 128)
            {
                throw AwsErrorException.InvalidParameter("Tag keys must be between 1 and 128 characters.");
            }

            var value = Json.Str(tag, "value") ?? "";
            if (value.Length > 256)
            {
                throw AwsErrorException.InvalidParameter("Tag values must be at most 256 characters.");
            }

            tags.Set(key, value);
        }

        if (tags.Count > 50)
        {
            throw AwsErrorException.InvalidParameter("A resource can have at most 50 tags.");
        }

        return tags;
    }

    private static HashSet<string> Includes(JsonObject request) => [.. Json.Strings(request, "include")];

    private static int PageSize(JsonObject request, int defaultSize, int max)
    {
        var size = Json.Int(request, "maxResults") ?? defaultSize;
        if (size < 1 || size > max)
        {
            throw AwsErrorException.InvalidParameter($"maxResults must be between 1 and {max}.");
        }

        return size;
    }
}
