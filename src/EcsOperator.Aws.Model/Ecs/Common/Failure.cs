namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// A failed resource. For a list of common causes, see API failure reasons in the Amazon Elastic Container Service
/// Developer Guide .
/// </summary>
public sealed record Failure
{
    public string? Arn { get; init; }

    public string? Reason { get; init; }

    public string? Detail { get; init; }
}
