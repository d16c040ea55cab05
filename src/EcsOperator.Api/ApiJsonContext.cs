using System.Text.Json.Serialization;
using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Api.Tenancy;

namespace EcsOperator.Api;

/// <summary>
/// Source-generated JSON for our kinds as the Kubernetes API stores them: camelCase (ECS's own names) and no nulls,
/// so an object written back never sets a field the user left out.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EcsTaskDefinition))]
[JsonSerializable(typeof(EcsService))]
[JsonSerializable(typeof(EcsCluster))]
[JsonSerializable(typeof(EcsTask))]
[JsonSerializable(typeof(EcsTenantPolicy))]
[JsonSerializable(typeof(EcsTaskDefinitionStatus))]
[JsonSerializable(typeof(EcsServiceStatus))]
[JsonSerializable(typeof(EcsClusterStatus))]
[JsonSerializable(typeof(EcsTaskStatus))]
[JsonSerializable(typeof(TaskDefinitionTemplate))]
[JsonSerializable(typeof(EcsCapacityProvider))]
[JsonSerializable(typeof(EcsCapacityProviderStatus))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
