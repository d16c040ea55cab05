using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Hosting;

/// <summary>
/// The Kubernetes cluster id in owner tags: configured, or the <c>kube-system</c> namespace UID read once (two clusters sharing
/// an AWS account then never claim each other's resources).
/// </summary>
public sealed class KubernetesClusterId(IKubernetesClient client, string? configured)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _id = configured;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (_id is { } known)
            return known;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_id is null)
            {
                var ns = await client.Resource(ResourceType.Namespaces, KubernetesModelJsonContext.Default.Namespace)
                    .GetAsync(null, "kube-system", cancellationToken);
                _id = ns.Metadata.Uid is { Length: > 0 } uid
                    ? uid
                    : throw new InvalidOperationException("namespace kube-system has no uid: set the operator's ClusterId");
            }

            return _id;
        }
        finally
        {
            _gate.Release();
        }
    }
}
