using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// A list of files containing the environment variables to pass to a container. You can specify up to ten
/// environment files.
/// </summary>
public sealed record EnvironmentFile
{
    /// <summary>
    /// The Amazon Resource Name (ARN) of the Amazon S3 object containing the environment variable file.
    /// </summary>
    [Required]
    public string? Value { get; init; }

    /// <summary>
    /// The file type; only s3 is supported.
    /// </summary>
    [Required]
    [AllowedValues("s3")]
    public string? Type { get; init; }
}
