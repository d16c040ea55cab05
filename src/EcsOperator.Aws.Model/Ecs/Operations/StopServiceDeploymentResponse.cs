namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>StopServiceDeployment</c> operation.
/// </summary>
public sealed record StopServiceDeploymentResponse
{
    /// <summary>The ARN of the stopped service deployment.</summary>
    public string? ServiceDeploymentArn { get; init; }
}
