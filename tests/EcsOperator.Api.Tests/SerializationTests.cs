using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Api.Tests.Support;

namespace EcsOperator.Api.Tests;

public sealed class SerializationTests
{
    public static TheoryData<string> KindNames => new(Kinds.All.Select(k => k.Kind));

    private static object Sample(string kind) => kind switch
    {
        EcsTaskDefinition.KindName => SampleObjects.TaskDefinition,
        EcsService.KindName => SampleObjects.Service,
        EcsCluster.KindName => SampleObjects.Cluster,
        EcsCapacityProvider.KindName => SampleObjects.CapacityProvider,
        _ => SampleObjects.Task,
    };

    private static JsonTypeInfo TypeInfo(string kind) => ApiJsonContext.Default.GetTypeInfo(Kinds.ByKind(kind)!.ClrType)!;

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Every_kind_round_trips_through_json(string kind)
    {
        var json = JsonSerializer.Serialize(Sample(kind), TypeInfo(kind));
        var back = JsonSerializer.Deserialize(json, TypeInfo(kind))!;
        Assert.Equal(json, JsonSerializer.Serialize(back, TypeInfo(kind)));
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Contains("\"apiVersion\":\"ecs.operator.dev/v1alpha1\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"kind\":\"{kind}\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void What_the_types_write_is_accepted_by_the_crd_schema(string kind)
    {
        // Spec as users write it and status as the operator patches it: both must pass the API server's validation.
        var json = JsonNode.Parse(JsonSerializer.Serialize(Sample(kind), TypeInfo(kind)))!;
        var schema = GeneratedCrds.Schema(kind);
        Assert.Empty(SchemaValidator.Validate(SchemaValidator.WithDefaults(json, schema), schema));
    }

    [Fact]
    public void Fields_use_the_ecs_names()
    {
        var json = JsonSerializer.Serialize(SampleObjects.Service, ApiJsonContext.Default.EcsService);
        foreach (var name in new[] { "enableECSManagedTags", "awsvpcConfiguration", "assignPublicIp", "deploymentCircuitBreaker", "capacityProviderStrategy", "targetGroupArn" })
        {
            Assert.Contains($"\"{name}\":", json, StringComparison.Ordinal);
        }

        // Application Auto Scaling shapes are camelCase in our API, though PascalCase on their wire.
        Assert.Contains("\"metricName\":\"ApproximateNumberOfMessagesVisible\"", json, StringComparison.Ordinal);
        Assert.Contains("\"stepAdjustments\":[", json, StringComparison.Ordinal);
        Assert.Contains("\"adoptionPolicy\":\"Adopt\"", json, StringComparison.Ordinal);

        var td = JsonSerializer.Serialize(SampleObjects.TaskDefinition, ApiJsonContext.Default.EcsTaskDefinition);
        Assert.Contains("\"efsVolumeConfiguration\":{", td, StringComparison.Ordinal);
        Assert.Contains("\"sizeInGiB\":30", td, StringComparison.Ordinal);
        Assert.Contains("\"awslogs-group\":\"/ecs/shop/web\"", td, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_spec_or_required_field_is_an_error_not_a_null()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"metadata":{"name":"web"}}""", ApiJsonContext.Default.EcsService));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"spec":{}}""", ApiJsonContext.Default.EcsTaskDefinition));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"spec":{"taskDefinition":"x","deletionPolicy":"Orphan"}}""", ApiJsonContext.Default.EcsService));
    }

    [Fact]
    public void Omitted_policies_read_as_their_defaults()
    {
        var service = JsonSerializer.Deserialize("""{"spec":{"taskDefinition":"web:1"}}""", ApiJsonContext.Default.EcsService)!;
        Assert.Equal(Shared.DeletionPolicy.Delete, service.Spec.DeletionPolicy);
        Assert.Equal(Shared.AdoptionPolicy.None, service.Spec.AdoptionPolicy);
        Assert.Equal(Shared.DriftPolicy.Correct, service.Spec.DriftPolicy);
        var td = JsonSerializer.Deserialize("""{"spec":{"containerDefinitions":[{"name":"a","image":"b"}]}}""", ApiJsonContext.Default.EcsTaskDefinition)!;
        Assert.Equal(10, td.Spec.EffectiveRevisionHistoryLimit);
    }

    [Fact]
    public void Schema_defaults_equal_the_csharp_initializers()
    {
        // A default the API server fills in must be what the operator assumes when it builds an object itself.
        var checkedCount = 0;
        foreach (var type in typeof(ApiGroup).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && t.Namespace?.StartsWith("EcsOperator.Api", StringComparison.Ordinal) == true))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
            {
                if (property.GetCustomAttribute<DefaultValueAttribute>() is not { } defaultValue)
                {
                    continue;
                }

                var instance = Activator.CreateInstance(type)!;
                var actual = property.GetValue(instance);
                if (Nullable.GetUnderlyingType(property.PropertyType) is null && property.PropertyType.IsValueType)
                {
                    Assert.Equal(defaultValue.Value, actual);
                }
                else
                {
                    Assert.True(actual is null || Equals(actual, defaultValue.Value), $"{type.Name}.{property.Name}");
                }

                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 10, $"only {checkedCount} defaults found");
    }

    [Fact]
    public void Policy_enums_serialize_as_their_names()
    {
        foreach (var enumType in new[] { typeof(Shared.DeletionPolicy), typeof(Shared.AdoptionPolicy), typeof(Shared.DriftPolicy), typeof(TaskPhase) })
        {
            Assert.NotNull(enumType.GetCustomAttribute<JsonConverterAttribute>());
        }

        var json = JsonSerializer.Serialize(SampleObjects.Task, ApiJsonContext.Default.EcsTask);
        Assert.Contains("\"phase\":\"Succeeded\"", json, StringComparison.Ordinal);
        Assert.Contains("\"deletionPolicy\":\"Delete\"", json, StringComparison.Ordinal);
    }
}
