using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Rest;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeleteOptions))]
internal sealed partial class RestJsonContext : JsonSerializerContext;
