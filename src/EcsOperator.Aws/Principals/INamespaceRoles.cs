namespace EcsOperator.Aws.Principals;

/// <summary>
/// Maps a namespace to its AWS principal. The host answers from its informer caches (namespace labels and tenancy
/// policies); this project knows nothing of the policy itself. Called on every <see cref="IAwsClientsForNamespace.For"/>,
/// so it must be cheap and must not do I/O.
/// </summary>
public interface INamespaceRoles
{
    NamespaceRole For(string @namespace);
}
