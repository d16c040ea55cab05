using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DescribeServices</c> operation. Describes the specified services running in your cluster.
/// </summary>
public sealed record DescribeServicesRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN)the cluster that hosts the service to describe. If you do
    /// not specify a cluster, the default cluster is assumed.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// A list of services to describe. You may specify up to 10 services to describe in a single operation.
    /// </summary>
    [Required]
    public IReadOnlyList<string>? Services { get; init; }

    /// <summary>
    /// Determines whether you want to see the resource tags for the service. If TAGS is specified, the tags are
    /// included in the response.
    /// </summary>
    [AllowedValues("TAGS")]
    public IReadOnlyList<string>? Include { get; init; }
}
