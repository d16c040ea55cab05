using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>TagResource</c> operation. Associates the specified tags to a resource with the specified
/// resourceArn. If existing tags on a resource aren't specified in the request parameters, they aren't changed.
/// </summary>
public sealed record TagResourceRequest
{
    /// <summary>
    /// The Amazon Resource Name (ARN) of the resource to add tags to. Currently, the supported resources are Amazon
    /// ECS capacity providers, tasks, services, task definitions, clusters, and container instances.
    /// </summary>
    [Required]
    public string? ResourceArn { get; init; }

    /// <summary>
    /// The tags to add to the resource. A tag is an array of key-value pairs.
    /// </summary>
    [Required]
    [SchemaLength(0, 50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }
}
