namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// The response of the <c>DescribeScheduledActions</c> operation.
/// </summary>
public sealed record DescribeScheduledActionsResponse
{
    public IReadOnlyList<ScheduledAction>? ScheduledActions { get; init; }

    public string? NextToken { get; init; }
}
