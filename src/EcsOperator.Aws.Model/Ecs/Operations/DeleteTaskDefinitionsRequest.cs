using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DeleteTaskDefinitions</c> operation. Deletes one or more task definitions. You must
/// deregister a task definition revision before you delete it.
/// </summary>
public sealed record DeleteTaskDefinitionsRequest
{
    /// <summary>
    /// The family and revision (family:revision) or full Amazon Resource Name (ARN) of the task definition to
    /// delete.
    /// </summary>
    [Required]
    public IReadOnlyList<string>? TaskDefinitions { get; init; }
}
