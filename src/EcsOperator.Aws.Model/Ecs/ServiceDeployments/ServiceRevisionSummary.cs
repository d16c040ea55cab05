namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The information about the number of requested, pending, and running tasks for a service revision.
/// </summary>
public sealed record ServiceRevisionSummary
{
    public string? Arn { get; init; }

    public int? RequestedTaskCount { get; init; }

    public int? RunningTaskCount { get; init; }

    public int? PendingTaskCount { get; init; }

    public double? RequestedTestTrafficWeight { get; init; }

    public double? RequestedProductionTrafficWeight { get; init; }
}
