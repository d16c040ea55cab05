using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>ListServices</c> operation. Returns a list of services. You can filter the results by
/// cluster, launch type, and scheduling strategy.
/// </summary>
public sealed record ListServicesRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the cluster to use when filtering the ListServices
    /// results. If you do not specify a cluster, the default cluster is assumed.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// The nextToken value returned from a ListServices request indicating that more results are available to
    /// fulfill the request and further calls will be needed.
    /// </summary>
    public string? NextToken { get; init; }

    /// <summary>
    /// The maximum number of service results that ListServices returned in paginated output. When this parameter is
    /// used, ListServices only returns maxResults results in a single page along with a nextToken response element.
    /// </summary>
    public int? MaxResults { get; init; }

    /// <summary>
    /// The launch type to use when filtering the ListServices results.
    /// </summary>
    [AllowedValues("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES")]
    public string? LaunchType { get; init; }

    /// <summary>
    /// The scheduling strategy to use when filtering the ListServices results.
    /// </summary>
    [AllowedValues("REPLICA", "DAEMON")]
    public string? SchedulingStrategy { get; init; }

    /// <summary>
    /// The resourceManagementType type to use when filtering the ListServices results.
    /// </summary>
    [AllowedValues("CUSTOMER", "ECS")]
    public string? ResourceManagementType { get; init; }
}
