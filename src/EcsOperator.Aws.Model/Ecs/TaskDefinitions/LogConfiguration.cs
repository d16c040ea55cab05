using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The log configuration for the container. This parameter maps to LogConfig in the docker container create command
/// and the --log-driver option to docker run.
/// </summary>
public sealed record LogConfiguration
{
    /// <summary>
    /// The log driver. On Fargate the supported drivers are awslogs, splunk and awsfirelens.
    /// </summary>
    [Required]
    [AllowedValues("json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens")]
    public string? LogDriver { get; init; }

    /// <summary>
    /// Options for the log driver, for example awslogs-group, awslogs-region and awslogs-stream-prefix for awslogs.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    /// <summary>
    /// The secrets to pass to the log configuration. For more information, see Specifying sensitive data in the
    /// Amazon Elastic Container Service Developer Guide .
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<Secret>? SecretOptions { get; init; }
}
