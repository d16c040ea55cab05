namespace EcsOperator.Reconcilers.TaskDefinitions;

/// <summary>
/// Which revisions of a task-definition family live service deployments still run: those must never be deregistered
/// or deleted, or ECS could not replace a failed task of that deployment.
/// </summary>
public interface ITaskDefinitionUsage
{
    /// <summary>
    /// The ARNs of <paramref name="family"/>'s revisions referenced by any deployment of any service looked at, asked
    /// as the principal of <paramref name="namespace"/> (the namespace of the object whose revisions these are).
    /// </summary>
    Task<IReadOnlySet<string>> InUseAsync(string @namespace, string family, CancellationToken cancellationToken);
}
