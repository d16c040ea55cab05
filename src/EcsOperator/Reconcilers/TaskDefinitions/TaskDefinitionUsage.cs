using EcsOperator.Api.Tasks;
using EcsOperator.Core.Arns;
using EcsOperator.Kubernetes.Informer;

namespace EcsOperator.Reconcilers.TaskDefinitions;

/// <summary>
/// The one registered answer to "which revisions are in use": every deployment of the ECS services in the clusters
/// asked (<see cref="EcsTaskDefinitionUsage"/>), plus the revision of every EcsTask whose run has not finished (read
/// from the informer cache), so history cleanup never retires the revision a running task was started from.
/// </summary>
public sealed class TaskDefinitionUsage(EcsTaskDefinitionUsage deployments, InformerCache<EcsTask> tasks) : ITaskDefinitionUsage
{
    public async Task<IReadOnlySet<string>> InUseAsync(string @namespace, string family, CancellationToken cancellationToken)
    {
        var inUse = new HashSet<string>(await deployments.InUseAsync(@namespace, family, cancellationToken), StringComparer.Ordinal);
        foreach (var task in tasks.List())
        {
            if (task.Status is { TaskDefinitionArn: { } arn, Phase: not (TaskPhase.Succeeded or TaskPhase.Failed) }
                && EcsNames.TaskDefinitionFamily(arn) == family)
            {
                inUse.Add(arn);
            }
        }

        return inUse;
    }
}
