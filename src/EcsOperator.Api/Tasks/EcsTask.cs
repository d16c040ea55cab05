using System.ComponentModel.DataAnnotations;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Tasks;

/// <summary>
/// One run of an ECS task, like a Job: the operator calls RunTask once, tracks the tasks to STOPPED and reports exit
/// codes and the stop reason; ttlSecondsAfterFinished deletes the object afterwards.
/// </summary>
public sealed record EcsTask : IKubernetesObject
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "EcsTask";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; init; } = ApiGroup.ApiVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; init; } = KindName;

    /// <summary>Standard object metadata.</summary>
    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>The task to run.</summary>
    [Required]
    public required EcsTaskSpec Spec { get; init; }

    /// <summary>The state of the run, written by the operator.</summary>
    public EcsTaskStatus? Status { get; init; }
}
