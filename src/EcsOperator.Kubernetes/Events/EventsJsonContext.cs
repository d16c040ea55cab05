using System.Text.Json.Serialization;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Events;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventSeries))]
internal sealed partial class EventsJsonContext : JsonSerializerContext;
