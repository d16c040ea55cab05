using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>The request of the <c>DescribeContainerInstances</c> operation: up to 100 container instance ids or ARNs.</summary>
public sealed record DescribeContainerInstancesRequest
{
    public string? Cluster { get; init; }

    [Required]
    public IReadOnlyList<string>? ContainerInstances { get; init; }

    [AllowedValues("TAGS", "CONTAINER_INSTANCE_HEALTH")]
    public IReadOnlyList<string>? Include { get; init; }
}
