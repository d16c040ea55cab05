namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The CloudWatch alarms used to determine a service deployment failed. Amazon ECS considers the service deployment
/// as failed when any of the alarms move to the ALARM state.
/// </summary>
public sealed record ServiceDeploymentAlarms
{
    public string? Status { get; init; }

    public IReadOnlyList<string>? AlarmNames { get; init; }

    public IReadOnlyList<string>? TriggeredAlarmNames { get; init; }
}
