using System.ComponentModel.DataAnnotations;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.CapacityProviders;

/// <summary>An ECS capacity provider for an Auto Scaling group, with managed scaling, termination protection and draining.</summary>
public sealed record EcsCapacityProvider : IKubernetesObject
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "EcsCapacityProvider";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; init; } = ApiGroup.ApiVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; init; } = KindName;

    /// <summary>Standard object metadata.</summary>
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>The desired capacity provider.</summary>
    [Required]
    public required EcsCapacityProviderSpec Spec { get; init; }

    /// <summary>The capacity provider as ECS reports it, written by the operator.</summary>
    public EcsCapacityProviderStatus? Status { get; init; }
}
