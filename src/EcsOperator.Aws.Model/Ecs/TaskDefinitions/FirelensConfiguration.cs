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
    /// The options to use when configuring the log router. This field is optional and can be used to specify a
    /// custom configuration file or to add additional metadata, such as the task, task definition, cluster, and
    /// container instance details to the log event.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Options { get; init; }
}
