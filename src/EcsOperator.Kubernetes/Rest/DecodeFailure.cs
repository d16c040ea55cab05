namespace EcsOperator.Kubernetes.Rest;

/// <summary>
/// An object a list or watch returned that could not be decoded as its type (a wrong type in a field, JSON nested
/// deeper than the decoder allows): it was skipped so the rest of the list or watch goes on. Identity fields come
/// from the raw JSON and are null when even those are missing.
/// </summary>
/// <param name="Type">The resource listed or watched.</param>
/// <param name="Verb">list or watch.</param>
/// <param name="Namespace">metadata.namespace of the raw object, if readable.</param>
/// <param name="Name">metadata.name of the raw object, if readable.</param>
/// <param name="Uid">metadata.uid of the raw object, if readable.</param>
/// <param name="Reason">Why decoding failed (the decoder's message, shortened).</param>
public sealed record DecodeFailure(ResourceType Type, string Verb, string? Namespace, string? Name, string? Uid, string Reason);
