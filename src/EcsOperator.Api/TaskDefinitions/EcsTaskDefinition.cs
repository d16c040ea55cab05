using System.ComponentModel.DataAnnotations;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.TaskDefinitions;

/// <summary>
/// An ECS task-definition family. The operator registers a new revision only when the content changes, keeps the last
/// revisionHistoryLimit revisions ACTIVE and deregisters older ones no live deployment uses.
/// </summary>
public sealed record EcsTaskDefinition : IKubernetesObject
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "EcsTaskDefinition";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; init; } = ApiGroup.ApiVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; init; } = KindName;

    /// <summary>Standard object metadata.</summary>
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>The desired task definition.</summary>
    [Required]
    public required EcsTaskDefinitionSpec Spec { get; init; }

    /// <summary>The registered revisions and conditions, written by the operator.</summary>
    public EcsTaskDefinitionStatus? Status { get; init; }
}
