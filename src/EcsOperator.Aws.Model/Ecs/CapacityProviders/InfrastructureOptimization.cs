namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The configuration that controls how Amazon ECS optimizes your infrastructure.
/// </summary>
public sealed record InfrastructureOptimization
{
    /// <summary>
    /// This parameter defines the number of seconds Amazon ECS Managed Instances waits before optimizing EC2 instances
    /// that have become idle or underutilized.
    /// </summary>
    public int? ScaleInAfter { get; init; }
}
