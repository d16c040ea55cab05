namespace EcsOperator.Kubernetes.Model;

/// <summary>
/// One event of a watch stream, decoded. <see cref="Object"/> is set for Added/Modified/Deleted;
/// <see cref="ResourceVersion"/> for every non-error event (for bookmarks it is all there is);
/// <see cref="Error"/> for Error events.
/// </summary>
public sealed record WatchEvent<T>(WatchEventType Type, T? Object, string? ResourceVersion, Status? Error = null)
    where T : class;
