using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DescribeCapacityProviders</c> operation. Describes one or more of your capacity providers.
/// </summary>
public sealed record DescribeCapacityProvidersRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of one or more capacity providers. Up to 100 capacity
    /// providers can be described in an action.
    /// </summary>
    public IReadOnlyList<string>? CapacityProviders { get; init; }

    /// <summary>
    /// The name of the cluster to describe capacity providers for. When specified, only capacity providers associated
    /// with this cluster are returned, including Amazon ECS Managed Instances capacity providers.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// Specifies whether or not you want to see the resource tags for the capacity provider. If TAGS is specified, the
    /// tags are included in the response. If this field is omitted, tags aren't included in the response.
    /// </summary>
    [AllowedValues("TAGS")]
    public IReadOnlyList<string>? Include { get; init; }

    /// <summary>
    /// The maximum number of account setting results returned by DescribeCapacityProviders in paginated output. When
    /// this parameter is used, DescribeCapacityProviders only returns maxResults results in a single page along with a
    /// nextToken response element.
    /// </summary>
    public int? MaxResults { get; init; }

    /// <summary>
    /// The nextToken value returned from a previous paginated DescribeCapacityProviders request where maxResults was
    /// used and the results exceeded the value of that parameter. Pagination continues from the end of the previous
    /// results that returned the nextToken value.
    /// </summary>
    public string? NextToken { get; init; }
}
