namespace EcsOperator.Kubernetes.Model;

/// <summary>The <c>type</c> of a watch event.</summary>
public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Only carries a newer resourceVersion, so a restarted watch need not replay history.</summary>
    Bookmark,

    /// <summary>The object is a <see cref="Model.Status"/>; code 410 means the watch's resourceVersion expired.</summary>
    Error,
}
