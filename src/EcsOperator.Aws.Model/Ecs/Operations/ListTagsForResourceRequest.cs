using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>ListTagsForResource</c> operation. List the tags for an Amazon ECS resource.
/// </summary>
public sealed record ListTagsForResourceRequest
{
    /// <summary>
    /// The Amazon Resource Name (ARN) that identifies the resource to list the tags for. Currently, the supported
    /// resources are Amazon ECS tasks, services, task definitions, clusters, and container instances.
    /// </summary>
    [Required]
    public string? ResourceArn { get; init; }
}
