using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DescribeTasks</c> operation. Describes a specified task or tasks. Currently, stopped tasks
/// appear in the returned results for at least one hour.
/// </summary>
public sealed record DescribeTasksRequest
{
    /// <summary>
    /// The short name or full Amazon Resource Name (ARN) of the cluster that hosts the task or tasks to describe.
    /// If you do not specify a cluster, the default cluster is assumed.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>
    /// A list of up to 100 task IDs or full ARN entries.
    /// </summary>
    [Required]
    public IReadOnlyList<string>? Tasks { get; init; }

    /// <summary>
    /// Specifies whether you want to see the resource tags for the task. If TAGS is specified, the tags are
    /// included in the response.
    /// </summary>
    [AllowedValues("TAGS")]
    public IReadOnlyList<string>? Include { get; init; }
}
