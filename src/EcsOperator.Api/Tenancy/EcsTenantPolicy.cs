using System.ComponentModel.DataAnnotations;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Tenancy;

/// <summary>
/// Cluster-scoped, owned by the platform admin: what the namespaces it selects may ask of AWS through the operator
/// (the AWS role their objects are reconciled with, the roles, clusters, families, target groups and secrets they
/// may name, adoption, privileged and host modes, and size limits). A namespace selected by two policies is refused.
/// </summary>
public sealed record EcsTenantPolicy : IKubernetesObject
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "EcsTenantPolicy";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; init; } = ApiGroup.ApiVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; init; } = KindName;

    /// <summary>Standard object metadata.</summary>
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>The namespaces the policy covers and what they may do.</summary>
    [Required]
    public required EcsTenantPolicySpec Spec { get; init; }
}
