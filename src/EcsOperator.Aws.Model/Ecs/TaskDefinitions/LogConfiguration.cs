using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The log configuration for the container. This parameter maps to LogConfig in the docker container create command
/// and the --log-driver option to docker run.
/// </summary>
public sealed record LogConfiguration
{
    /// <summary>
    /// The log driver to use for the container. For tasks on Fargate, the supported log drivers are awslogs,
    /// splunk, and awsfirelens.
    /// </summary>
    [Required]
    [AllowedValues("json-file", "syslog", "journald", "gelf", "fluentd", "awslogs", "splunk", "awsfirelens")]
    public string? LogDriver { get; init; }

    /// <summary>
    /// The configuration options to send to the log driver. The options you can specify depend on the log driver.
    /// If this option isn't specified, it defaults to false.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }

    /// <summary>
    /// The secrets to pass to the log configuration. For more information, see Specifying sensitive data in the
    /// Amazon Elastic Container Service Developer Guide .
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<Secret>? SecretOptions { get; init; }
}
