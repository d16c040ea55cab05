using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Use this parameter to set a default Service Connect namespace. After you set a default Service Connect
/// namespace, any new services with Service Connect turned on that are created in the cluster are added as client
/// services in the namespace.
/// </summary>
public sealed record ClusterServiceConnectDefaultsRequest
{
    /// <summary>
    /// The namespace name or full Amazon Resource Name (ARN) of the Cloud Map namespace that's used when you create
    /// a service and don't specify a Service Connect configuration.
    /// </summary>
    [Required]
    public string? Namespace { get; init; }
}
