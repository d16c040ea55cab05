using EcsOperator.Api.Tasks;

namespace EcsOperator.Core.Tasks;

/// <summary>The state of an EcsTask's run, read from DescribeTasks: the pieces of <c>EcsTask.status</c>.</summary>
public sealed record TaskRunResult
{
    /// <summary>Pending, Running, then Succeeded or Failed once every task stopped.</summary>
    public required TaskPhase Phase { get; init; }

    /// <summary>The described tasks, ordered by ARN.</summary>
    public IReadOnlyList<TaskRunStatus> Tasks { get; init; } = [];

    /// <summary>The ARNs of the described tasks.</summary>
    public IReadOnlyList<string> TaskArns => Tasks.Select(t => t.TaskArn).ToList();

    /// <summary>When the first task started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last task stopped, once all have.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>The first non-zero exit code of an essential container, else 0 once all stopped; null while running or when none exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>A one-line reason for Failed: the task, container or stop code that decided it.</summary>
    public string? FailureReason { get; init; }

    /// <summary>Whether the run is over (Succeeded or Failed).</summary>
    public bool IsFinished => Phase is TaskPhase.Succeeded or TaskPhase.Failed;

    /// <summary>The time ttlSecondsAfterFinished counts from: when the last task stopped; null until finished.</summary>
    public DateTimeOffset? FinishedAt => IsFinished ? StoppedAt : null;
}
