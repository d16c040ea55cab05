namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>TaskStopCode</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class TaskStopCode
{
    public const string TaskFailedToStart = "TaskFailedToStart";
    public const string EssentialContainerExited = "EssentialContainerExited";
    public const string UserInitiated = "UserInitiated";
    public const string ServiceSchedulerInitiated = "ServiceSchedulerInitiated";
    public const string SpotInterruption = "SpotInterruption";
    public const string TerminationNotice = "TerminationNotice";
}
