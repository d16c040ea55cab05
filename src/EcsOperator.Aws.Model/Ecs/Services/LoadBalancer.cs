namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The load balancer configuration to use with a service or task set. When you add, update, or remove a load
/// balancer configuration, Amazon ECS starts a new deployment with the updated Elastic Load Balancing
/// configuration.
/// </summary>
public sealed record LoadBalancer
{
    /// <summary>
    /// The ARN of the Elastic Load Balancing target group the tasks are registered with (Application and Network
    /// Load Balancers).
    /// </summary>
    public string? TargetGroupArn { get; init; }

    /// <summary>
    /// The name of a Classic Load Balancer; leave empty for Application and Network Load Balancers.
    /// </summary>
    public string? LoadBalancerName { get; init; }

    /// <summary>
    /// The container (by name, as in the task definition) that receives the load balancer traffic.
    /// </summary>
    public string? ContainerName { get; init; }

    /// <summary>
    /// The container port that receives traffic; it must match a containerPort in that container's portMappings.
    /// </summary>
    public int? ContainerPort { get; init; }

    /// <summary>
    /// The advanced settings for the load balancer used in blue/green deployments. Specify the alternate target
    /// group, listener rules, and IAM role required for traffic shifting during blue/green deployments.
    /// </summary>
    public AdvancedConfiguration? AdvancedConfiguration { get; init; }
}
