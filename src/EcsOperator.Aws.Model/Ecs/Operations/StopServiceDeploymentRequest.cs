using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>StopServiceDeployment</c> operation: stops an ongoing service deployment; ROLLBACK returns
/// the service to the previous service revision even when the deployment was not configured for rollback.
/// </summary>
public sealed record StopServiceDeploymentRequest
{
    /// <summary>
    /// The ARN of the service deployment to stop.
    /// </summary>
    [Required]
    public string? ServiceDeploymentArn { get; init; }

    /// <summary>
    /// How ECS stops the deployment (see <see cref="StopServiceDeploymentStopType"/>).
    /// </summary>
    [AllowedValues("ABORT", "ROLLBACK")]
    public string? StopType { get; init; }
}
