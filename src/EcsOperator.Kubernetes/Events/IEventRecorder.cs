using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Kubernetes.Events;

/// <summary>Records events.k8s.io/v1 Events about objects (shown by <c>kubectl describe</c>). Best effort: never throws.</summary>
public interface IEventRecorder
{
    /// <param name="regarding">The object the event is about.</param>
    /// <param name="type"><see cref="Event.NormalType"/> or <see cref="Event.WarningType"/>.</param>
    /// <param name="reason">CamelCase, e.g. <c>RolloutStarted</c>.</param>
    /// <param name="action">What the operator did, e.g. <c>UpdateService</c>.</param>
    /// <param name="note">Human-readable details (truncated to 1 kB).</param>
    Task RecordAsync(IKubernetesObject regarding, string type, string reason, string action, string note, CancellationToken cancellationToken = default);
}
