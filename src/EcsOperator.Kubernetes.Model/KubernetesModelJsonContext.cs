using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Model;

/// <summary>Source-generated JSON metadata for the apimachinery shapes (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ObjectMeta))]
[JsonSerializable(typeof(ListMeta))]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(Condition))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(ObjectReference))]
public sealed partial class KubernetesModelJsonContext : JsonSerializerContext;
