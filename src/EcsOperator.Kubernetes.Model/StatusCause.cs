namespace EcsOperator.Kubernetes.Model;

/// <summary>metav1.StatusCause: one reason an operation failed, e.g. one invalid field.</summary>
public sealed record StatusCause
{
    /// <summary>e.g. <c>FieldValueRequired</c>, <c>FieldValueInvalid</c>.</summary>
    public string? Reason { get; init; }

    public string? Message { get; init; }

    /// <summary>The field path, e.g. <c>spec.containerDefinitions[0].image</c>.</summary>
    public string? Field { get; init; }
}
