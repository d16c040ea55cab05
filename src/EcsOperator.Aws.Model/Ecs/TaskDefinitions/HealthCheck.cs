using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An object representing a container health check.
/// </summary>
public sealed record HealthCheck
{
    /// <summary>
    /// The health check command as an argument list starting with CMD (exec directly) or CMD-SHELL (run in the
    /// default shell); exit code 0 means healthy.
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
    /// Grace period in seconds (0 to 300) after container start during which failed checks do not count towards
    /// retries. Off by default.
    /// </summary>
    public int? StartPeriod { get; init; }
}
