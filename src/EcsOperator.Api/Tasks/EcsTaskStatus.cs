using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Tasks;

/// <summary>The observed state of an EcsTask run.</summary>
public sealed record EcsTaskStatus : IEcsStatus
{
    /// <summary>The metadata.generation this status was computed for.</summary>
    public long? ObservedGeneration { get; init; }

    /// <summary>The Ready, Reconciling and Stalled conditions (one of each type at most).</summary>
    [ListKey("type")]
    public IReadOnlyList<Condition>? Conditions { get; init; }

    /// <summary>Pending, Running, Succeeded or Failed.</summary>
    public TaskPhase? Phase { get; init; }

    /// <summary>The ARN of the cluster the tasks run in.</summary>
    public string? ClusterArn { get; init; }

    /// <summary>The task definition (ARN) that was run.</summary>
    public string? TaskDefinitionArn { get; init; }

    /// <summary>
    /// Hash of the spec that started the run, without ttlSecondsAfterFinished and deletionPolicy (the only fields read
    /// after the start). A spec with another hash is not applied: an EcsTask runs once.
    /// </summary>
    public string? RunSpecHash { get; init; }

    /// <summary>The ARNs of the tasks RunTask started.</summary>
    public IReadOnlyList<string>? TaskArns { get; init; }

    /// <summary>The state of each started task.</summary>
    [ListKey("taskArn")]
    public IReadOnlyList<TaskRunStatus>? Tasks { get; init; }

    /// <summary>Why RunTask could not place tasks (its failures list: arn and reason), if it could not.</summary>
    public IReadOnlyList<string>? Failures { get; init; }

    /// <summary>When the first task started running.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last task stopped; ttlSecondsAfterFinished counts from here.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>The exit code that decided the phase: the first non-zero exit code of an essential container, else 0 once all stopped.</summary>
    public int? ExitCode { get; init; }
}
