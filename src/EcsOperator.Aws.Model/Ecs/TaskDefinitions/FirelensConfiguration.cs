using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The FireLens configuration for the container. This is used to specify and configure a log router for container
/// logs.
/// </summary>
public sealed record FirelensConfiguration
{
    /// <summary>
    /// The log router to use. The valid values are fluentd or fluentbit.
    /// </summary>
    [Required]
    [AllowedValues("fluentd", "fluentbit")]
    public string? Type { get; init; }

    /// <summary>
    /// Options for the log router, such as enable-ecs-log-metadata or config-file-type and config-file-value for a
    /// custom configuration file.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }
}
