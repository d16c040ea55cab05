using System.ComponentModel.DataAnnotations;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Services;

/// <summary>
/// An ECS service, plus its Application Auto Scaling target, policies and scheduled actions (spec.autoScaling).
/// </summary>
public sealed record EcsService : IKubernetesObject
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "EcsService";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; init; } = ApiGroup.ApiVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; init; } = KindName;

    /// <summary>Standard object metadata.</summary>
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>The desired service.</summary>
    [Required]
    public required EcsServiceSpec Spec { get; init; }

    /// <summary>The service as ECS reports it, with rollout, drift and autoscaling state, written by the operator.</summary>
    public EcsServiceStatus? Status { get; init; }
}
