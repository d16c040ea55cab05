using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// You can enable a restart policy for each container defined in your task definition, to overcome transient
/// failures faster and maintain task availability.
/// </summary>
public sealed record ContainerRestartPolicy
{
    /// <summary>
    /// Specifies whether a restart policy is enabled for the container.
    /// </summary>
    [Required]
    public bool? Enabled { get; init; }

    /// <summary>
    /// A list of exit codes that Amazon ECS will ignore and not attempt a restart on. You can specify a maximum of
    /// 50 container exit codes. By default, Amazon ECS does not ignore any exit codes.
    /// </summary>
    public IReadOnlyList<int>? IgnoredExitCodes { get; init; }

    /// <summary>
    /// A period of time (in seconds) that the container must run for before a restart can be attempted. By default,
    /// a container must run for 300 seconds before it can be restarted.
    /// </summary>
    public int? RestartAttemptPeriod { get; init; }
}
