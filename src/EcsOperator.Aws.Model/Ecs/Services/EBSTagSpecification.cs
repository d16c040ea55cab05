using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The tag specifications of an Amazon EBS volume.
/// </summary>
public sealed record EBSTagSpecification
{
    /// <summary>
    /// The type of volume resource.
    /// </summary>
    [Required]
    [AllowedValues("volume")]
    public string? ResourceType { get; init; }

    /// <summary>
    /// The tags applied to this Amazon EBS volume. AmazonECSCreated and AmazonECSManaged are reserved tags that
    /// can't be used.
    /// </summary>
    [SchemaLength(0, 50)]
    [ListKey("key")]
    public IReadOnlyList<Tag>? Tags { get; init; }

    /// <summary>
    /// Determines whether to propagate the tags from the task definition to the Amazon EBS volume.
    /// </summary>
    [AllowedValues("TASK_DEFINITION", "SERVICE", "NONE")]
    public string? PropagateTags { get; init; }
}
