using EcsOperator.Aws.Principals;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>What one reconcile of one object knows before it calls AWS: the object, its owner-tag value and the AWS clients of its namespace.</summary>
/// <param name="Object">The object as the informer cache has it.</param>
/// <param name="Owner">The owner tag value (<c>&lt;cluster-id&gt;/&lt;namespace&gt;/&lt;name&gt;</c>) resources of this object carry.</param>
/// <param name="Aws">The ECS and Application Auto Scaling clients that act as this object's namespace.</param>
public sealed record ManagedContext<T>(T Object, string Owner, AwsClients Aws)
    where T : class;
