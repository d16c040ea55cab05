namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>DescribeCapacityProviders</c> operation.
/// </summary>
public sealed record DescribeCapacityProvidersResponse
{
    /// <summary>
    /// The list of capacity providers.
    /// </summary>
    public IReadOnlyList<CapacityProvider>? CapacityProviders { get; init; }

    /// <summary>
    /// Any failures associated with the call.
    /// </summary>
    public IReadOnlyList<Failure>? Failures { get; init; }

    /// <summary>
    /// The nextToken value to include in a future DescribeCapacityProviders request. When the results of a
    /// DescribeCapacityProviders request exceed maxResults , this value can be used to retrieve the next page of
    /// results.
    /// </summary>
    public string? NextToken { get; init; }
}
