namespace EcsOperator.Reconcilers.TaskDefinitions;

/// <summary>
/// Which revisions of a task-definition family live service deployments still run: those must never be deregistered
/// or deleted, or ECS could not replace a failed task of that deployment.
/// </summary>
public interface ITaskDefinitionUsage
{
    /// <summary>The ARNs of <paramref name="family"/>'s revisions referenced by any deployment of any service looked at.</summary>
    Task<IReadOnlySet<string>> InUseAsync(string family, CancellationToken cancellationToken);
}
