using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The termination policy for the Amazon EBS volume when the task exits. For more information, see Amazon ECS
/// volume termination policy .
/// </summary>
public sealed record TaskManagedEBSVolumeTerminationPolicy
{
    /// <summary>
    /// Indicates whether the volume should be deleted on when the task stops. If a value of true is specified,
    /// Amazon ECS deletes the Amazon EBS volume on your behalf when the task goes into the STOPPED state. If no
    /// value is specified, the default value is true is used.
    /// </summary>
    [Required]
    public bool? DeleteOnTermination { get; init; }
}
