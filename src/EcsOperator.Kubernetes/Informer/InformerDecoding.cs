using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Informer;

/// <summary>
/// Converters the shared informers decode cached objects with, besides the string pool and the exact lists of strings
/// and conditions: the host adds an <see cref="ExactArrayConverter{T}"/> per element type of its kinds' lists (one
/// element each, mostly: a <see cref="List{T}"/> of four slots around it is 64 bytes more per list). Register one in
/// the service collection for <see cref="SharedInformerFactory"/> to use it.
/// </summary>
public sealed record InformerDecoding(IReadOnlyList<JsonConverter> Converters);
