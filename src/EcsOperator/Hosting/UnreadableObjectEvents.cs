using EcsOperator.Api.Shared;
using EcsOperator.Kubernetes.Events;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.Hosting;

namespace EcsOperator.Hosting;

/// <summary>
/// Puts a Warning event on every object the informers skipped because it cannot be decoded, so its owner sees in
/// <c>kubectl describe</c> why the operator ignores it (the log line and the decode-failure counter are for operators).
/// </summary>
internal sealed class UnreadableObjectEvents(KubernetesClient client, IEventRecorder events) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        client.DecodeFailed += OnDecodeFailed;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        client.DecodeFailed -= OnDecodeFailed;
        return Task.CompletedTask;
    }

    private void OnDecodeFailed(object? sender, DecodeFailure failure)
    {
        // Without a name there is nothing to attach the event to; the log line and the counter still tell.
        if (failure.Name is null || (failure.Type.Namespaced && failure.Namespace is null))
            return;
        var regarding = new UnreadableObject(failure.Type.ApiVersion, failure.Type.Kind,
            new ObjectMeta { Name = failure.Name, Namespace = failure.Namespace, Uid = failure.Uid });
        // Called on the informer's thread: hand the write off; the recorder is best effort and never throws.
        _ = events.RecordAsync(regarding, Event.WarningType, EventReasons.ObjectUnreadable, "Decode",
            $"The operator skips this {failure.Type.Kind} because it cannot be read: {failure.Reason}. Fix or re-apply the manifest; nothing is reconciled until then.");
    }

    /// <summary>Just enough of the skipped object to refer to it.</summary>
    private sealed record UnreadableObject(string ApiVersion, string Kind, ObjectMeta Metadata) : IKubernetesObject;
}
