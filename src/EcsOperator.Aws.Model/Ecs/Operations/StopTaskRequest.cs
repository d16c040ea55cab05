using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>StopTask</c> operation. Stops a running task. Any tags associated with the task will be
/// deleted.
/// </summary>
public sealed record StopTaskRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the cluster that hosts the task to stop. If you do not
    /// specify a cluster, the default cluster is assumed.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// Thefull Amazon Resource Name (ARN) of the task.
    /// </summary>
    [Required]
    public string? Task { get; init; }

    /// <summary>
    /// An optional message specified when a task is stopped. For example, if you're using a custom scheduler, you
    /// can use this parameter to specify the reason for stopping the task here, and the message appears in
    /// subsequent DescribeTasks &gt; API operations on this task.
    /// </summary>
    public string? Reason { get; init; }
}
