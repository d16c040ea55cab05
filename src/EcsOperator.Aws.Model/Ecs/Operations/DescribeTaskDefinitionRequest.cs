using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DescribeTaskDefinition</c> operation. Describes a task definition.
/// </summary>
public sealed record DescribeTaskDefinitionRequest
{
    /// <summary>
    /// The family for the latest ACTIVE revision, family and revision (family:revision) for a specific revision in
    /// the family, or full Amazon Resource Name (ARN) of the task definition to describe.
    /// </summary>
    [Required]
    public string? TaskDefinition { get; init; }

    /// <summary>
    /// Determines whether to see the resource tags for the task definition. If TAGS is specified, the tags are
    /// included in the response.
    /// </summary>
    [AllowedValues("TAGS")]
    public IReadOnlyList<string>? Include { get; init; }
}
