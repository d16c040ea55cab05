using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>UntagResource</c> operation. Deletes specified tags from a resource.
/// </summary>
public sealed record UntagResourceRequest
{
    /// <summary>
    /// The Amazon Resource Name (ARN) of the resource to delete tags from. Currently, the supported resources are
    /// Amazon ECS capacity providers, tasks, services, task definitions, clusters, and container instances.
    /// </summary>
    [Required]
    public string? ResourceArn { get; init; }

    /// <summary>
    /// The keys of the tags to be removed.
    /// </summary>
    [Required]
    public IReadOnlyList<string>? TagKeys { get; init; }
}
