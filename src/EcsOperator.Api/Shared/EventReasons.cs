namespace EcsOperator.Api.Shared;

/// <summary>The reasons of the Kubernetes events (<c>events.k8s.io/v1</c>) recorded on transitions.</summary>
public static class EventReasons
{
    public const string Created = "Created";
    public const string RevisionRegistered = "RevisionRegistered";
    public const string RolloutStarted = "RolloutStarted";
    public const string RolloutCompleted = "RolloutCompleted";
    public const string RolloutFailed = "RolloutFailed";
    public const string DriftDetected = "DriftDetected";
    public const string DriftCorrected = "DriftCorrected";
    public const string Deleted = "Deleted";

    /// <summary>An EcsTask's tasks all stopped and every essential container exited 0.</summary>
    public const string TaskSucceeded = "TaskSucceeded";

    /// <summary>An EcsTask's run failed: the exit code or stop reason is in the note.</summary>
    public const string TaskFailed = "TaskFailed";

    /// <summary>An EcsTask's spec changed after its run started: an EcsTask runs once, so the change is not applied.</summary>
    public const string SpecChangeIgnored = "SpecChangeIgnored";

    /// <summary>An object the operator had to skip because it cannot be read as its kind (it is never reconciled).</summary>
    public const string ObjectUnreadable = "ObjectUnreadable";

    /// <summary>A blue/green, linear or canary service deployment entered a lifecycle stage or shifted traffic.</summary>
    public const string RolloutStage = "RolloutStage";

    /// <summary>The ecs.operator.dev/rollback annotation stopped a service deployment with StopServiceDeployment ROLLBACK.</summary>
    public const string RollbackRequested = "RollbackRequested";

    /// <summary>The ecs.operator.dev/rollback annotation names no deployment that can be rolled back; nothing was done.</summary>
    public const string RollbackIgnored = "RollbackIgnored";
}
