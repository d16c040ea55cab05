using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>ListServiceDeployments</c> operation. This operation lists all the service deployments
/// that meet the specified filter criteria. A service deployment happens when you release a software update for the
/// service.
/// </summary>
public sealed record ListServiceDeploymentsRequest
{
    /// <summary>
    /// The ARN or name of the service.
    /// </summary>
    [Required]
    public string? Service { get; init; }

    /// <summary>
    /// The cluster that hosts the service. This can either be the cluster name or ARN. Starting April 15, 2023,
    /// Amazon Web Services will not onboard new customers to Amazon Elastic Inference (EI), and will help current
    /// customers migrate their workloads to options that offer better price and performance. If you don't specify a
    /// cluster, default is used.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// An optional filter you can use to narrow the results. If you do not specify a status, then all status values
    /// are included in the result.
    /// </summary>
    [AllowedValues("PENDING", "SUCCESSFUL", "STOPPED", "STOP_REQUESTED", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL", "ROLLBACK_FAILED")]
    public IReadOnlyList<string>? Status { get; init; }

    /// <summary>
    /// An optional filter you can use to narrow the results by the service creation date. If you do not specify a
    /// value, the result includes all services created before the current time.
    /// </summary>
    public CreatedAt? CreatedAt { get; init; }

    /// <summary>
    /// The nextToken value returned from a ListServiceDeployments request indicating that more results are
    /// available to fulfill the request and further calls are needed.
    /// </summary>
    public string? NextToken { get; init; }

    /// <summary>
    /// The maximum number of service deployment results that ListServiceDeployments returned in paginated output.
    /// </summary>
    public int? MaxResults { get; init; }
}
