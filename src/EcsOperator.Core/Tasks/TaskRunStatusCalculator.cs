using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.Tasks;

/// <summary>Reads the tasks of an EcsTask's run (DescribeTasks) into its phase, exit codes and stop reasons.</summary>
public static class TaskRunStatusCalculator
{
    private static readonly HashSet<string> PendingStatuses = new(StringComparer.Ordinal) { "PROVISIONING", "PENDING", "ACTIVATING" };

    /// <param name="described">The run's tasks as DescribeTasks reports them.</param>
    /// <param name="essentialContainers">
    /// The names of the task definition's essential containers (DescribeTasks does not say which are); null treats
    /// every container as essential, which is ECS's default.
    /// </param>
    /// <param name="runTaskFailures">
    /// RunTask's failures (<see cref="FailureMessages"/>): tasks it could not place. A run missing some of its tasks
    /// has not succeeded, even when the tasks it did start all exited 0.
    /// </param>
    public static TaskRunResult From(IReadOnlyList<TaskDescription> described, IReadOnlySet<string>? essentialContainers = null,
        IReadOnlyList<string>? runTaskFailures = null)
    {
        var result = FromTasks(described, essentialContainers);
        if (runTaskFailures is not { Count: > 0 } || result.Phase != TaskPhase.Succeeded)
            return result;
        return result with
        {
            Phase = TaskPhase.Failed,
            ExitCode = null,
            FailureReason = $"RunTask could not start {runTaskFailures.Count} of the requested tasks: {string.Join("; ", runTaskFailures)}",
        };
    }

    private static TaskRunResult FromTasks(IReadOnlyList<TaskDescription> described, IReadOnlySet<string>? essentialContainers)
    {
        ArgumentNullException.ThrowIfNull(described);
        var tasks = described.Where(t => t.TaskArn is not null).OrderBy(t => t.TaskArn, StringComparer.Ordinal).ToList();
        var statuses = tasks.Select(ToStatus).ToList();
        var startedAt = tasks.Select(t => t.StartedAt).Where(t => t is not null).Min();

        if (tasks.Count == 0 || tasks.Any(t => t.LastStatus != "STOPPED"))
        {
            var anyRunning = tasks.Any(t => t.LastStatus is not null && t.LastStatus != "STOPPED" && !PendingStatuses.Contains(t.LastStatus));
            return new TaskRunResult { Phase = anyRunning ? TaskPhase.Running : TaskPhase.Pending, Tasks = statuses, StartedAt = startedAt };
        }

        var stoppedAt = tasks.Select(t => t.StoppedAt ?? t.ExecutionStoppedAt).Where(t => t is not null).Max();
        foreach (var task in tasks)
        {
            var failure = FailureOf(task, essentialContainers);
            if (failure is not null)
            {
                return new TaskRunResult
                {
                    Phase = TaskPhase.Failed,
                    Tasks = statuses,
                    StartedAt = startedAt,
                    StoppedAt = stoppedAt,
                    ExitCode = failure.Value.ExitCode,
                    FailureReason = failure.Value.Reason,
                };
            }
        }

        return new TaskRunResult { Phase = TaskPhase.Succeeded, Tasks = statuses, StartedAt = startedAt, StoppedAt = stoppedAt, ExitCode = 0 };
    }

    /// <summary>RunTask's failures (tasks it could not place) as status lines: <c>arn: reason (detail)</c>.</summary>
    public static IReadOnlyList<string> FailureMessages(IReadOnlyList<Failure>? failures) =>
        (failures ?? []).Select(f => $"{(f.Arn is null ? string.Empty : f.Arn + ": ")}{f.Reason ?? "unknown reason"}{(f.Detail is null ? string.Empty : $" ({f.Detail})")}").ToList();

    /// <summary>Why a stopped task failed, or null when every essential container exited 0.</summary>
    private static (int? ExitCode, string Reason)? FailureOf(TaskDescription task, IReadOnlySet<string>? essentialContainers)
    {
        var stop = $"stopCode {task.StopCode ?? "unknown"}{(task.StoppedReason is null ? string.Empty : $": {task.StoppedReason}")}";
        var essential = (task.Containers ?? [])
            .Where(c => essentialContainers is null || (c.Name is not null && essentialContainers.Contains(c.Name)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        if (task.StopCode == "TaskFailedToStart" || essential.Count == 0)
            return (null, $"task {task.TaskArn} did not run to completion ({stop})");
        foreach (var container in essential)
        {
            if (container.ExitCode is null)
                return (null, $"essential container {container.Name} of task {task.TaskArn} has no exit code{(container.Reason is null ? string.Empty : $" ({container.Reason})")}; {stop}");
            if (container.ExitCode != 0)
                return (container.ExitCode, $"essential container {container.Name} of task {task.TaskArn} exited with {container.ExitCode}{(container.Reason is null ? string.Empty : $" ({container.Reason})")}");
        }

        return null;
    }

    private static TaskRunStatus ToStatus(TaskDescription task) => new()
    {
        TaskArn = task.TaskArn!,
        LastStatus = task.LastStatus,
        DesiredStatus = task.DesiredStatus,
        StopCode = task.StopCode,
        StoppedReason = task.StoppedReason,
        StartedAt = task.StartedAt,
        StoppedAt = task.StoppedAt,
        Containers = task.Containers?.Where(c => c.Name is not null)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ContainerRunStatus { Name = c.Name!, LastStatus = c.LastStatus, ExitCode = c.ExitCode, Reason = c.Reason })
            .ToList(),
    };
}
