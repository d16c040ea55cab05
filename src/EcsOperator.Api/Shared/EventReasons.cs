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
}
