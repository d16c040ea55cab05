using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An object representing a container health check.
/// </summary>
public sealed record HealthCheck
{
    /// <summary>
    /// A string array representing the command that the container runs to determine if it is healthy. The string
    /// array must start with CMD to run the command arguments directly, or CMD-SHELL to run the command with the
    /// container's default shell.
    /// </summary>
    [Required]
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>
    /// The time period in seconds between each health check execution. You may specify between 5 and 300 seconds.
    /// The default value is 30 seconds.
    /// </summary>
    public int? Interval { get; init; }

    /// <summary>
    /// The time period in seconds to wait for a health check to succeed before it is considered a failure. The
    /// default value is 5.
    /// </summary>
    public int? Timeout { get; init; }

    /// <summary>
    /// The number of times to retry a failed health check before the container is considered unhealthy. The default
    /// value is 3.
    /// </summary>
    public int? Retries { get; init; }

    /// <summary>
    /// The optional grace period to provide containers time to bootstrap before failed health checks count towards
    /// the maximum number of retries. By default, the startPeriod is off.
    /// </summary>
    public int? StartPeriod { get; init; }
}
