using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Api.Tasks;

/// <summary>The state of one container of a task.</summary>
public sealed record ContainerRunStatus
{
    /// <summary>The container's name from the task definition.</summary>
    [Required]
    public required string Name { get; init; }

    /// <summary>The container's lastStatus (PENDING, RUNNING, STOPPED).</summary>
    public string? LastStatus { get; init; }

    /// <summary>The container's exit code, once it stopped.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Why the container stopped or failed to start (e.g. CannotPullContainerError ...).</summary>
    public string? Reason { get; init; }
}
