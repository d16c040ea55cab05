using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DescribeServiceDeployments</c> operation. Describes one or more of your service
/// deployments. A service deployment happens when you release a software update for the service.
/// </summary>
public sealed record DescribeServiceDeploymentsRequest
{
    /// <summary>
    /// The ARN of the service deployment. You can specify a maximum of 20 ARNs.
    /// </summary>
    [Required]
    public IReadOnlyList<string>? ServiceDeploymentArns { get; init; }
}
