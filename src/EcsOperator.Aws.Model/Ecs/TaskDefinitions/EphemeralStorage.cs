using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The amount of ephemeral storage to allocate for the task. This parameter is used to expand the total amount of
/// ephemeral storage available, beyond the default amount, for tasks hosted on Fargate.
/// </summary>
public sealed record EphemeralStorage
{
    /// <summary>
    /// The total amount, in GiB, of ephemeral storage to set for the task. The minimum supported value is 21 GiB
    /// and the maximum supported value is 200 GiB.
    /// </summary>
    [Required]
    public int? SizeInGiB { get; init; }
}
