namespace EcsOperator.Kubernetes.Rest;

/// <summary>Preconditions of a delete: a mismatch yields 409 Conflict.</summary>
public sealed record Preconditions
{
    public string? Uid { get; init; }

    public string? ResourceVersion { get; init; }
}
