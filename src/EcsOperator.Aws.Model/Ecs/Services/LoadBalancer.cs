namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The load balancer configuration to use with a service or task set. When you add, update, or remove a load
/// balancer configuration, Amazon ECS starts a new deployment with the updated Elastic Load Balancing
/// configuration.
/// </summary>
public sealed record LoadBalancer
{
    /// <summary>
    /// The full Amazon Resource Name (ARN) of the Elastic Load Balancing target group or groups associated with a
    /// service or task set.
    /// </summary>
    public string? TargetGroupArn { get; init; }

    /// <summary>
    /// The name of the load balancer to associate with the Amazon ECS service or task set. If you are using an
    /// Application Load Balancer or a Network Load Balancer the load balancer name parameter should be omitted.
    /// </summary>
    public string? LoadBalancerName { get; init; }

    /// <summary>
    /// The name of the container (as it appears in a container definition) to associate with the load balancer.
    /// </summary>
    public string? ContainerName { get; init; }

    /// <summary>
    /// The port on the container to associate with the load balancer. This port must correspond to a containerPort
    /// in the task definition the tasks in the service are using.
    /// </summary>
    public int? ContainerPort { get; init; }

    /// <summary>
    /// The advanced settings for the load balancer used in blue/green deployments. Specify the alternate target
    /// group, listener rules, and IAM role required for traffic shifting during blue/green deployments.
    /// </summary>
    public AdvancedConfiguration? AdvancedConfiguration { get; init; }
}
