using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Observability.MetricsAuth;

/// <summary>authentication.k8s.io/v1 TokenReview: asks the API server whose bearer token this is.</summary>
public sealed record TokenReview : IKubernetesObject
{
    public static readonly ResourceType Type = new("authentication.k8s.io", "v1", "tokenreviews", "TokenReview", Namespaced: false);

    public string ApiVersion { get; init; } = "authentication.k8s.io/v1";

    public string Kind { get; init; } = "TokenReview";

    public ObjectMeta Metadata { get; init; } = new();

    public TokenReviewSpec? Spec { get; init; }

    public TokenReviewStatus? Status { get; init; }
}

public sealed record TokenReviewSpec
{
    public required string Token { get; init; }
}

public sealed record TokenReviewStatus
{
    public bool Authenticated { get; init; }

    public ReviewedUser? User { get; init; }

    public string? Error { get; init; }
}
