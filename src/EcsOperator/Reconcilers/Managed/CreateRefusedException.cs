namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// Thrown by a kind's Create that was made on an observation which did not read AWS (the kind assumed, from a status
/// recording no resource, that there is none) when AWS refused it in a way a read would explain: the resource exists
/// after all (ECS's "Creation of service was not idempotent."), or what it lives in is missing. The skeleton then
/// observes with <see cref="ManagedContext{T}.MustRead"/> set and goes on exactly as if it had read first, so
/// ownership, adoption and drift are decided the usual way.
/// </summary>
public sealed class CreateRefusedException(string message, Exception innerException) : Exception(message, innerException);
