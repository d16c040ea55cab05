namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The response of the <c>ListTasks</c> operation.
/// </summary>
public sealed record ListTasksResponse
{
    public IReadOnlyList<string>? TaskArns { get; init; }

    public string? NextToken { get; init; }
}
