namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// A floating-point percentage of the desired number of tasks to place and keep running in the task set.
/// </summary>
public sealed record Scale
{
    public double? Value { get; init; }

    public string? Unit { get; init; }
}
