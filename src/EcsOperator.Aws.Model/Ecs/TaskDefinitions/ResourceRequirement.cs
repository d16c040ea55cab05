using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The type and amount of a resource to assign to a container. The supported resource types are GPUs and Elastic
/// Inference accelerators.
/// </summary>
public sealed record ResourceRequirement
{
    /// <summary>
    /// For GPU, the number of GPUs to reserve; for InferenceAccelerator, the deviceName of an accelerator in the
    /// task definition.
    /// </summary>
    [Required]
    public string? Value { get; init; }

    /// <summary>
    /// The resource reserved: GPU or InferenceAccelerator.
    /// </summary>
    [Required]
    [AllowedValues("GPU", "InferenceAccelerator")]
    public string? Type { get; init; }
}
