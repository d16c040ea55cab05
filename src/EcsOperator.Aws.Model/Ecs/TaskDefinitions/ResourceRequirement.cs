using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The type and amount of a resource to assign to a container. The supported resource types are GPUs and Elastic
/// Inference accelerators.
/// </summary>
public sealed record ResourceRequirement
{
    /// <summary>
    /// The value for the specified resource type. When the type is GPU, the value is the number of physical GPUs
    /// the Amazon ECS container agent reserves for the container.
    /// </summary>
    [Required]
    public string? Value { get; init; }

    /// <summary>
    /// The type of resource to assign to a container.
    /// </summary>
    [Required]
    [AllowedValues("GPU", "InferenceAccelerator")]
    public string? Type { get; init; }
}
