namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DescribeServices</c> operation.
/// </summary>
public sealed record DescribeServicesResponse
{
    public IReadOnlyList<Service>? Services { get; init; }

    public IReadOnlyList<Failure>? Failures { get; init; }
}
