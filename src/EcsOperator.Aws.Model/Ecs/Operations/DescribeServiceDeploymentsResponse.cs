namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DescribeServiceDeployments</c> operation.
/// </summary>
public sealed record DescribeServiceDeploymentsResponse
{
    public IReadOnlyList<ServiceDeployment>? ServiceDeployments { get; init; }

    public IReadOnlyList<Failure>? Failures { get; init; }
}
