using System.ComponentModel.DataAnnotations;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Clusters;

/// <summary>An ECS cluster with its capacity providers and default strategy, settings (Container Insights) and tags.</summary>
public sealed record EcsCluster : IKubernetesObject
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "EcsCluster";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; init; } = ApiGroup.ApiVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; init; } = KindName;

    /// <summary>Standard object metadata.</summary>
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>The desired cluster; an empty spec ({}) creates a cluster named after the object.</summary>
    [Required]
    public required EcsClusterSpec Spec { get; init; }

    /// <summary>The cluster as ECS reports it, written by the operator.</summary>
    public EcsClusterStatus? Status { get; init; }
}
