using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>ListContainerInstances</c> operation: the container instances of a cluster, optionally
/// filtered with a cluster query language expression (e.g. <c>attribute:ecs.instance-type =~ t3.*</c>).
/// </summary>
public sealed record ListContainerInstancesRequest
{
    public string? Cluster { get; init; }

    public string? Filter { get; init; }

    public string? NextToken { get; init; }

    public int? MaxResults { get; init; }

    [AllowedValues("ACTIVE", "DRAINING", "REGISTERING", "DEREGISTERING", "REGISTRATION_FAILED")]
    public string? Status { get; init; }
}
