namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The advanced settings for a load balancer used in blue/green deployments. Specify the alternate target group,
/// listener rules, and IAM role required for traffic shifting during blue/green deployments.
/// </summary>
public sealed record AdvancedConfiguration
{
    /// <summary>
    /// The Amazon Resource Name (ARN) of the alternate target group for Amazon ECS blue/green deployments.
    /// </summary>
    public string? AlternateTargetGroupArn { get; init; }

    /// <summary>
    /// The Amazon Resource Name (ARN) that that identifies the production listener rule (in the case of an
    /// Application Load Balancer) or listener (in the case for an Network Load Balancer) for routing production
    /// traffic.
    /// </summary>
    public string? ProductionListenerRule { get; init; }

    /// <summary>
    /// The Amazon Resource Name (ARN) that identifies ) that identifies the test listener rule (in the case of an
    /// Application Load Balancer) or listener (in the case for an Network Load Balancer) for routing test traffic.
    /// </summary>
    public string? TestListenerRule { get; init; }

    /// <summary>
    /// The Amazon Resource Name (ARN) of the IAM role that grants Amazon ECS permission to call the Elastic Load
    /// Balancing APIs for you.
    /// </summary>
    public string? RoleArn { get; init; }
}
