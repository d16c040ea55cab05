using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DeregisterTaskDefinition</c> operation. Deregisters the specified task definition by
/// family and revision.
/// </summary>
public sealed record DeregisterTaskDefinitionRequest
{
    /// <summary>
    /// The family and revision (family:revision) or full Amazon Resource Name (ARN) of the task definition to
    /// deregister.
    /// </summary>
    [Required]
    public string? TaskDefinition { get; init; }
}
