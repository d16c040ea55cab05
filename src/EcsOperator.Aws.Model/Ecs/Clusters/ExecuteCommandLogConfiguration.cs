namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The log configuration for the results of the execute command actions. The logs can be sent to CloudWatch Logs or
/// an Amazon S3 bucket.
/// </summary>
public sealed record ExecuteCommandLogConfiguration
{
    /// <summary>
    /// The name of the CloudWatch log group to send logs to. The CloudWatch log group must already be created.
    /// </summary>
    public string? CloudWatchLogGroupName { get; init; }

    /// <summary>
    /// Determines whether to use encryption on the CloudWatch logs. If not specified, encryption will be off.
    /// </summary>
    public bool? CloudWatchEncryptionEnabled { get; init; }

    /// <summary>
    /// The name of the S3 bucket to send logs to. The S3 bucket must already be created.
    /// </summary>
    public string? S3BucketName { get; init; }

    /// <summary>
    /// Determines whether to use encryption on the S3 logs. If not specified, encryption is not used.
    /// </summary>
    public bool? S3EncryptionEnabled { get; init; }

    /// <summary>
    /// An optional folder in the S3 bucket to place logs in.
    /// </summary>
    public string? S3KeyPrefix { get; init; }
}
