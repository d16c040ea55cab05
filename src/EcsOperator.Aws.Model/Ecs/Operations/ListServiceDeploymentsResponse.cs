namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>ListServiceDeployments</c> operation.
/// </summary>
public sealed record ListServiceDeploymentsResponse
{
    public IReadOnlyList<ServiceDeploymentBrief>? ServiceDeployments { get; init; }

    public string? NextToken { get; init; }
}
