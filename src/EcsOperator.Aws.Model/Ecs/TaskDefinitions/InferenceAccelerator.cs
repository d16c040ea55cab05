using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Details on an Elastic Inference accelerator. For more information, see Working with Amazon Elastic Inference on
/// Amazon ECS in the Amazon Elastic Container Service Developer Guide .
/// </summary>
public sealed record InferenceAccelerator
{
    /// <summary>
    /// The Elastic Inference accelerator device name. The deviceName must also be referenced in a container
    /// definition as a ResourceRequirement .
    /// </summary>
    [Required]
    public string? DeviceName { get; init; }

    /// <summary>
    /// The Elastic Inference accelerator type to use.
    /// </summary>
    [Required]
    public string? DeviceType { get; init; }
}
