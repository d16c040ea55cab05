namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Details on an Elastic Inference accelerator task override. This parameter is used to override the Elastic
/// Inference accelerator specified in the task definition.
/// </summary>
public sealed record InferenceAcceleratorOverride
{
    /// <summary>
    /// The Elastic Inference accelerator device name to override for the task. This parameter must match a
    /// deviceName specified in the task definition.
    /// </summary>
    public string? DeviceName { get; init; }

    /// <summary>
    /// The Elastic Inference accelerator type to use.
    /// </summary>
    public string? DeviceType { get; init; }
}
