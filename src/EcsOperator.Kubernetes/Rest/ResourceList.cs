namespace EcsOperator.Kubernetes.Rest;

/// <summary>One page of a list: the items and the version/continue token from <c>metadata</c>.</summary>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, string? ResourceVersion, string? Continue)
    where T : class;
