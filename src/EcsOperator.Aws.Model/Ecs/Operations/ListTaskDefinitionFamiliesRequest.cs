using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>ListTaskDefinitionFamilies</c> operation. Returns a list of task definition families that
/// are registered to your account, optionally those beginning with familyPrefix and of one status.
/// </summary>
public sealed record ListTaskDefinitionFamiliesRequest
{
    /// <summary>Only task definition family names that begin with this string are returned.</summary>
    public string? FamilyPrefix { get; init; }

    /// <summary>
    /// ACTIVE: only families that have an ACTIVE revision; INACTIVE: only families without one; by default (ALL) both.
    /// Keep it the same on every page of one listing.
    /// </summary>
    [AllowedValues("ACTIVE", "INACTIVE", "ALL")]
    public string? Status { get; init; }

    /// <summary>The nextToken value returned from a previous ListTaskDefinitionFamilies request.</summary>
    public string? NextToken { get; init; }

    /// <summary>The maximum number of families on one page, 1 to 100 (100 when not given).</summary>
    public int? MaxResults { get; init; }
}
