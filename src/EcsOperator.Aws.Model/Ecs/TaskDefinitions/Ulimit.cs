using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The ulimit settings to pass to the container. Amazon ECS tasks hosted on Fargate use the default resource limit
/// values set by the operating system with the exception of the nofile resource limit parameter which Fargate
/// overrides.
/// </summary>
public sealed record Ulimit
{
    /// <summary>
    /// The ulimit to set, such as nofile or core.
    /// </summary>
    [Required]
    [AllowedValues("core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack")]
    public string? Name { get; init; }

    /// <summary>
    /// The soft limit for the ulimit type. The value can be specified in bytes, seconds, or as a count, depending
    /// on the type of the ulimit.
    /// </summary>
    [Required]
    public int? SoftLimit { get; init; }

    /// <summary>
    /// The hard limit for the ulimit type. The value can be specified in bytes, seconds, or as a count, depending
    /// on the type of the ulimit.
    /// </summary>
    [Required]
    public int? HardLimit { get; init; }
}
