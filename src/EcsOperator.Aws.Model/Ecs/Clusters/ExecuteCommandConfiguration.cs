using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The details of the execute command configuration.
/// </summary>
public sealed record ExecuteCommandConfiguration
{
    /// <summary>
    /// Specify an Key Management Service key ID to encrypt the data between the local client and the container.
    /// </summary>
    public string? KmsKeyId { get; init; }

    /// <summary>
    /// Where ECS Exec session output goes: NONE, DEFAULT (the awslogs configuration of the task) or OVERRIDE
    /// (logConfiguration). The default is DEFAULT.
    /// </summary>
    [AllowedValues("NONE", "DEFAULT", "OVERRIDE")]
    public string? Logging { get; init; }

    /// <summary>
    /// The log configuration for the results of the execute command actions. The logs can be sent to CloudWatch
    /// Logs or an Amazon S3 bucket.
    /// </summary>
    public ExecuteCommandLogConfiguration? LogConfiguration { get; init; }
}
