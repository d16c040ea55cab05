using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.TaskDefinitions;

/// <summary>The observed state of an EcsTaskDefinition: the family's latest revision and the retained history.</summary>
public sealed record EcsTaskDefinitionStatus : IEcsStatus
{
    /// <summary>The metadata.generation this status was computed for.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>The Ready, Reconciling, Stalled and Drifted conditions (one of each type at most).</summary>
    [ListKey("type")]
    public IReadOnlyList<Condition>? Conditions { get; init; }

    /// <summary>The task-definition family this object owns.</summary>
    public string? Family { get; init; }

    /// <summary>The revision registered for the current spec.</summary>
    public int? Revision { get; init; }

    /// <summary>The ARN of the revision registered for the current spec (family:revision); services referencing this object run it.</summary>
    public string? TaskDefinitionArn { get; init; }

    /// <summary>The hash of the translated RegisterTaskDefinition request; a new revision is registered only when it changes.</summary>
    public string? SpecHash { get; init; }

    /// <summary>The ACTIVE revisions the operator keeps (newest first, at most revisionHistoryLimit); point a service at one to roll back.</summary>
    [ListKey("revision")]
    public IReadOnlyList<TaskDefinitionRevision>? Revisions { get; init; }
}
