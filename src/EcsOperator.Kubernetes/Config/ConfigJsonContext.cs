using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Config;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExecCredential))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
