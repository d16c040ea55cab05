using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.AutoScaling;
using EcsOperator.Core.CapacityProviders;
using EcsOperator.Core.Clusters;
using EcsOperator.Core.Ownership;
using EcsOperator.Core.Services;
using EcsOperator.Core.TaskDefinitions;
using EcsOperator.Core.Tasks;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;

namespace EcsOperator.Core.Tests.Golden;

/// <summary>
/// Each manifest in deploy/examples, defaulted by its CRD as the API server would, translates to exactly the ECS
/// and Application Auto Scaling requests checked in beside this test. A change in translation shows up as a diff
/// of those files; run with UPDATE_GOLDEN=1 to rewrite them, then review the diff.
/// </summary>
public sealed class ExampleTranslationTests
{
    private const string ClusterId = "kube-system-uid";
    private const string Uid = "6f1c2b9e-3d4a-4e5f-9a8b-7c6d5e4f3a2b";

    public static TheoryData<string> ExampleFiles => new(
        Directory.EnumerateFiles(RepoPaths.Examples, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_translates_to_the_expected_requests(string example)
    {
        var actual = new JsonObject();
        foreach (var document in Documents(example))
        {
            var kind = document["kind"]!.GetValue<string>();
            var name = document["metadata"]!["name"]!.GetValue<string>();
            actual[$"{kind}/{name}"] = Translate(kind, document, References.Value);
        }

        var goldenPath = Path.Combine(RepoPaths.Root, "tests", "EcsOperator.Core.Tests", "Golden", example + ".json");
        var text = actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            File.WriteAllText(goldenPath, text);

        Assert.True(File.Exists(goldenPath), $"no golden file {goldenPath}: run the tests with UPDATE_GOLDEN=1 and review it");
        var expected = JsonNode.Parse(File.ReadAllText(goldenPath));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{example} translates to\n{text}\nwhich differs from {goldenPath}");
    }

    /// <summary>
    /// The canonical form (what spec hashes and drift comparisons are computed from) of every request the examples
    /// translate to is the same whether read from the serializer's source-generated contract (product code, Native
    /// AOT safe) or by the reflection walk it replaced; the spec-hash tags in the golden files pin the hashes too.
    /// </summary>
    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Canonical_forms_equal_those_of_the_reflection_walk(string example)
    {
        var compared = 0;
        foreach (var document in Documents(example))
        {
            var requests = Translate(document["kind"]!.GetValue<string>(), document, References.Value).AsObject();
            foreach (var (operation, wire) in requests)
            {
                var (typeInfo, policy) = Contract(operation);
                foreach (var request in wire is JsonArray many ? many : new JsonArray(wire!.DeepClone()))
                {
                    Assert.Equal(
                        global::EcsOperator.Core.Tests.Hashing.ReflectionCanonicalJson.ToCanonicalString(request, typeInfo.Type, policy),
                        global::EcsOperator.Core.Hashing.CanonicalJson.ToCanonicalString(request, typeInfo));
                    compared++;
                }
            }
        }

        Assert.True(compared > 0, $"{example} translated to no requests");
    }

    private static (System.Text.Json.Serialization.Metadata.JsonTypeInfo TypeInfo, JsonNamingPolicy? Policy) Contract(string operation) => operation switch
    {
        "RegisterTaskDefinition" => (EcsJsonContext.Default.RegisterTaskDefinitionRequest, JsonNamingPolicy.CamelCase),
        "CreateService" => (EcsJsonContext.Default.CreateServiceRequest, JsonNamingPolicy.CamelCase),
        "CreateCluster" => (EcsJsonContext.Default.CreateClusterRequest, JsonNamingPolicy.CamelCase),
        "RunTask" => (EcsJsonContext.Default.RunTaskRequest, JsonNamingPolicy.CamelCase),
        "CreateCapacityProvider" => (EcsJsonContext.Default.CreateCapacityProviderRequest, JsonNamingPolicy.CamelCase),
        "RegisterScalableTarget" => (ApplicationAutoScalingJsonContext.Default.RegisterScalableTargetRequest, null),
        "PutScalingPolicy" => (ApplicationAutoScalingJsonContext.Default.PutScalingPolicyRequest, null),
        "PutScheduledAction" => (ApplicationAutoScalingJsonContext.Default.PutScheduledActionRequest, null),
        _ => throw new InvalidOperationException($"no contract for {operation}"),
    };

    /// <summary>
    /// How the reconcilers would resolve references between the examples (all in one namespace): a referenced task
    /// definition is revision 1 of its family, a referenced cluster is its ECS cluster name.
    /// </summary>
    private sealed record Resolver(IReadOnlyDictionary<string, string> Families, IReadOnlyDictionary<string, string> Clusters)
    {
        public string TaskDefinition(string reference) => $"{Families.GetValueOrDefault(reference, reference)}:1";

        public string Cluster(string reference) => Clusters.GetValueOrDefault(reference, reference);
    }

    private static readonly Lazy<Resolver> References = new(() =>
    {
        var all = ExampleFiles.Select(row => (string)row.Data).SelectMany(Documents).ToList();
        var families = all.Where(d => d["kind"]!.GetValue<string>() == "EcsTaskDefinition")
            .Select(d => d.Deserialize(ApiJsonContext.Default.EcsTaskDefinition)!)
            .ToDictionary(t => t.Metadata.Name!, t => TaskDefinitionFamilies.Of(t));
        var clusters = all.Where(d => d["kind"]!.GetValue<string>() == "EcsCluster")
            .Select(d => d.Deserialize(ApiJsonContext.Default.EcsCluster)!)
            .ToDictionary(c => c.Metadata.Name!, ClusterTranslator.ClusterName);
        return new Resolver(families, clusters);
    });

    private static JsonNode Translate(string kind, JsonObject document, Resolver resolve) => kind switch
    {
        "EcsTaskDefinition" => TaskDefinition(document.Deserialize(ApiJsonContext.Default.EcsTaskDefinition)!),
        "EcsService" => Service(document.Deserialize(ApiJsonContext.Default.EcsService)!, resolve),
        "EcsCluster" => new JsonObject { ["CreateCluster"] = Wire(ClusterTranslator.ToCreateRequest(document.Deserialize(ApiJsonContext.Default.EcsCluster)!, Owner(document)), EcsJsonContext.Default.CreateClusterRequest) },
        "EcsTask" => Task(document.Deserialize(ApiJsonContext.Default.EcsTask)!, resolve),
        "EcsCapacityProvider" => new JsonObject { ["CreateCapacityProvider"] = Wire(CapacityProviderTranslator.ToCreateRequest(document.Deserialize(ApiJsonContext.Default.EcsCapacityProvider)!, Owner(document)), EcsJsonContext.Default.CreateCapacityProviderRequest) },
        _ => throw new InvalidOperationException($"unknown kind {kind}"),
    };

    private static JsonNode TaskDefinition(EcsTaskDefinition taskDefinition)
    {
        var family = TaskDefinitionFamilies.Of(taskDefinition);
        var translated = TaskDefinitionTranslator.Translate(taskDefinition.Spec, family, OwnershipTags.OwnerValue(ClusterId, taskDefinition.Metadata.Namespace!, taskDefinition.Metadata.Name!));
        return new JsonObject { ["RegisterTaskDefinition"] = Wire(translated.Request, EcsJsonContext.Default.RegisterTaskDefinitionRequest) };
    }

    private static JsonNode Service(EcsService service, Resolver resolve)
    {
        var spec = service.Spec;
        var taskDefinition = spec.TaskDefinition
            ?? resolve.TaskDefinition(spec.TaskDefinitionRef?.Name ?? TaskDefinitionFamilies.OfInlineTemplate(service)!);
        var cluster = spec.Cluster ?? (spec.ClusterRef is { } clusterRef ? resolve.Cluster(clusterRef.Name) : null);
        var result = new JsonObject
        {
            ["CreateService"] = Wire(ServiceTranslator.ToCreateRequest(service, taskDefinition, cluster, OwnershipTags.OwnerValue(ClusterId, service.Metadata.Namespace!, service.Metadata.Name!)), EcsJsonContext.Default.CreateServiceRequest),
        };
        if (spec.AutoScaling is { } scaling)
        {
            var target = ServiceScalableTarget.For(cluster ?? "default", ServiceTranslator.ServiceName(service));
            result["RegisterScalableTarget"] = Wire(AutoScalingTranslator.ToRegisterRequest(scaling, target, null), ApplicationAutoScalingJsonContext.Default.RegisterScalableTargetRequest);
            result["PutScalingPolicy"] = new JsonArray(AutoScalingTranslator.ToPolicyRequests(scaling, target).Select(p => Wire(p, ApplicationAutoScalingJsonContext.Default.PutScalingPolicyRequest)).ToArray());
            result["PutScheduledAction"] = new JsonArray(AutoScalingTranslator.ToScheduledActionRequests(scaling, target).Select(a => Wire(a, ApplicationAutoScalingJsonContext.Default.PutScheduledActionRequest)).ToArray());
        }

        return result;
    }

    private static JsonNode Task(EcsTask task, Resolver resolve)
    {
        var taskDefinition = task.Spec.TaskDefinition ?? resolve.TaskDefinition(task.Spec.TaskDefinitionRef!.Name);
        var cluster = task.Spec.Cluster ?? (task.Spec.ClusterRef is { } clusterRef ? resolve.Cluster(clusterRef.Name) : null);
        var request = TaskRunTranslator.ToRunTaskRequest(task, taskDefinition, cluster, OwnershipTags.OwnerValue(ClusterId, task.Metadata.Namespace!, task.Metadata.Name!));
        return new JsonObject { ["RunTask"] = Wire(request, EcsJsonContext.Default.RunTaskRequest) };
    }

    private static string Owner(JsonObject document) =>
        OwnershipTags.OwnerValue(ClusterId, document["metadata"]!["namespace"]!.GetValue<string>(), document["metadata"]!["name"]!.GetValue<string>());

    /// <summary>A request as it goes on the wire (ECS camelCase, Application Auto Scaling PascalCase, by its context).</summary>
    private static JsonNode Wire<T>(T request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => JsonSerializer.SerializeToNode(request, type)!;

    /// <summary>The example's documents as the API server stores them: CRD defaults applied, a UID assigned.</summary>
    private static IEnumerable<JsonObject> Documents(string example)
    {
        var schemas = Directory.EnumerateFiles(RepoPaths.Crds, "*.yaml")
            .Select(f => YamlToJson.ParseDocuments(File.ReadAllText(f)).OfType<JsonObject>().Single())
            .ToDictionary(
                crd => crd["spec"]!["names"]!["kind"]!.GetValue<string>(),
                crd => crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject());
        foreach (var document in YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Examples, example + ".yaml"))).OfType<JsonObject>())
        {
            var errors = StructuralSchema.Process(document, schemas[document["kind"]!.GetValue<string>()]);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            document["metadata"]!["uid"] = Uid;
            yield return document;
        }
    }
}
