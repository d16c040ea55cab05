using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>ListTaskDefinitions</c> operation. Returns a list of task definitions that are registered
/// to your account. You can filter the results by family name with the familyPrefix parameter or by status with the
/// status parameter.
/// </summary>
public sealed record ListTaskDefinitionsRequest
{
    /// <summary>
    /// The full family name to filter the ListTaskDefinitions results with. Specifying a familyPrefix limits the
    /// listed task definitions to task definition revisions that belong to that family.
    /// </summary>
    public string? FamilyPrefix { get; init; }

    /// <summary>
    /// The task definition status to filter the ListTaskDefinitions results with. By default, only ACTIVE task
    /// definitions are listed.
    /// </summary>
    [AllowedValues("ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS")]
    public string? Status { get; init; }

    /// <summary>
    /// The order to sort the results in. Valid values are ASC and DESC. By default, (ASC) task definitions are
    /// listed lexicographically by family name and in ascending numerical order by revision so that the newest task
    /// definitions in a family are listed last.
    /// </summary>
    [AllowedValues("ASC", "DESC")]
    public string? Sort { get; init; }

    /// <summary>
    /// The nextToken value returned from a ListTaskDefinitions request indicating that more results are available
    /// to fulfill the request and further calls will be needed.
    /// </summary>
    public string? NextToken { get; init; }

    /// <summary>
    /// The maximum number of task definition results that ListTaskDefinitions returned in paginated output.
    /// </summary>
    public int? MaxResults { get; init; }
}
