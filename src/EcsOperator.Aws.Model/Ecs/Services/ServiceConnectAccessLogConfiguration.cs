using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Configuration for Service Connect access logging. Access logs provide detailed information about requests made
/// to your service, including request patterns, response codes, and timing data for debugging and monitoring
/// purposes.
/// </summary>
public sealed record ServiceConnectAccessLogConfiguration
{
    /// <summary>
    /// The format for Service Connect access log output. Choose TEXT for human-readable logs or JSON for structured
    /// data that integrates well with log analysis tools.
    /// </summary>
    [Required]
    [AllowedValues("TEXT", "JSON")]
    public string? Format { get; init; }

    /// <summary>
    /// Specifies whether to include query parameters in Service Connect access logs. When enabled, query parameters
    /// from HTTP requests are included in the access logs. By default, this parameter is DISABLED.
    /// </summary>
    [AllowedValues("DISABLED", "ENABLED")]
    public string? IncludeQueryParameters { get; init; }
}
