using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// You can enable a restart policy for each container defined in your task definition, to overcome transient
/// failures faster and maintain task availability.
/// </summary>
public sealed record ContainerRestartPolicy
{
    /// <summary>
    /// Whether ECS restarts the container in place when it exits, instead of stopping the task.
    /// </summary>
    [Required]
    public bool? Enabled { get; init; }

    /// <summary>
    /// A list of exit codes that Amazon ECS will ignore and not attempt a restart on. You can specify a maximum of
    /// 50 container exit codes. By default, Amazon ECS does not ignore any exit codes.
    /// </summary>
    public IReadOnlyList<int>? IgnoredExitCodes { get; init; }

    /// <summary>
    /// Seconds (60 to 1800) the container must have run before a restart is attempted; the default is 300.
    /// </summary>
    public int? RestartAttemptPeriod { get; init; }
}
