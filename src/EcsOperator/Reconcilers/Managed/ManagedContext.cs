using EcsOperator.Aws.Principals;
using EcsOperator.Core.Tenancy;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// What one reconcile of one object knows before it calls AWS: the object, its owner-tag value, its namespace's
/// tenancy, and (on first use) the AWS clients of its namespace.
/// </summary>
public sealed class ManagedContext<T>
    where T : class
{
    private readonly Lazy<AwsClients> _aws;

    /// <param name="obj">The object as the informer cache has it.</param>
    /// <param name="owner">The owner tag value (<c>&lt;cluster-id&gt;/&lt;namespace&gt;/&lt;name&gt;</c>) resources of this object carry.</param>
    /// <param name="tenancy">The tenancy of the object's namespace, which the guards check it against.</param>
    /// <param name="aws">Picks the namespace's principal; called only once something reaches for <see cref="Aws"/>.</param>
    public ManagedContext(T obj, string owner, NamespaceTenancy tenancy, Func<AwsClients> aws)
    {
        ArgumentNullException.ThrowIfNull(aws);
        Object = obj;
        Owner = owner;
        Tenancy = tenancy;
        _aws = new Lazy<AwsClients>(aws, LazyThreadSafetyMode.PublicationOnly);
    }

    public T Object { get; }

    public string Owner { get; }

    public NamespaceTenancy Tenancy { get; }

    /// <summary>
    /// Set by the skeleton after a Create made without reading AWS was refused (<see cref="CreateRefusedException"/>):
    /// Observe must read the resource now, not assume it missing.
    /// </summary>
    public bool MustRead { get; internal set; }

    /// <summary>
    /// The ECS and Application Auto Scaling clients that act as this object's namespace. Resolved lazily, so that a
    /// guard refuses (or a deletion that needs no AWS call finishes) before a principal is picked.
    /// </summary>
    /// <exception cref="NamespacePrincipalRefusedException">The namespace may use no principal.</exception>
    public AwsClients Aws => _aws.Value;
}
