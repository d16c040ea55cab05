namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>ListServices</c> operation.
/// </summary>
public sealed record ListServicesResponse
{
    public IReadOnlyList<string>? ServiceArns { get; init; }

    public string? NextToken { get; init; }
}
