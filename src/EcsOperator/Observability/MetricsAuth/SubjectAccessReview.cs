using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Observability.MetricsAuth;

/// <summary>authorization.k8s.io/v1 SubjectAccessReview: asks the API server whether a user may do something.</summary>
public sealed record SubjectAccessReview : IKubernetesObject
{
    public static readonly ResourceType Type = new("authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview", Namespaced: false);

    public string ApiVersion { get; init; } = "authorization.k8s.io/v1";

    public string Kind { get; init; } = "SubjectAccessReview";

    public ObjectMeta Metadata { get; init; } = new();

    public SubjectAccessReviewSpec? Spec { get; init; }

    public SubjectAccessReviewStatus? Status { get; init; }
}

public sealed record SubjectAccessReviewSpec
{
    public string? User { get; init; }

    public string? Uid { get; init; }

    public IReadOnlyList<string>? Groups { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Extra { get; init; }

    public NonResourceAttributes? NonResourceAttributes { get; init; }
}

/// <summary>A request for a path that is not a resource, such as <c>get /metrics</c>.</summary>
public sealed record NonResourceAttributes(string Path, string Verb);

public sealed record SubjectAccessReviewStatus
{
    public bool Allowed { get; init; }

    public bool? Denied { get; init; }

    public string? Reason { get; init; }

    public string? EvaluationError { get; init; }
}
