using System.ComponentModel.DataAnnotations;
using EcsOperator.Aws.Model;

namespace EcsOperator.Api.Tasks;

/// <summary>The state of one ECS task of the run, as DescribeTasks reports it.</summary>
public sealed record TaskRunStatus
{
    /// <summary>The task's ARN.</summary>
    [Required]
    public required string TaskArn { get; init; }

    /// <summary>The task's lastStatus: PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING or STOPPED.</summary>
    public string? LastStatus { get; init; }

    /// <summary>The task's desiredStatus: RUNNING or STOPPED.</summary>
    public string? DesiredStatus { get; init; }

    /// <summary>Why the task stopped, as a code: TaskFailedToStart, EssentialContainerExited, UserInitiated, ...</summary>
    public string? StopCode { get; init; }

    /// <summary>Why the task stopped, in words.</summary>
    public string? StoppedReason { get; init; }

    /// <summary>When the task started running.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the task stopped.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>The task's containers with their exit codes.</summary>
    [ListKey("name")]
    public IReadOnlyList<ContainerRunStatus>? Containers { get; init; }
}
