namespace EcsOperator.Observability.MetricsAuth;

/// <summary>authentication.k8s.io/v1 UserInfo: who a TokenReview found, passed on to the SubjectAccessReview.</summary>
public sealed record ReviewedUser
{
    public string? Username { get; init; }

    public string? Uid { get; init; }

    public IReadOnlyList<string>? Groups { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Extra { get; init; }
}
