using System.Text.Json.Serialization;

namespace EcsOperator.Observability.MetricsAuth;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenReview))]
[JsonSerializable(typeof(SubjectAccessReview))]
internal sealed partial class AccessReviewJsonContext : JsonSerializerContext;
