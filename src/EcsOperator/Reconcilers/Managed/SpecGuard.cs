using EcsOperator.Api.Shared;
using EcsOperator.Core.Tenancy;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// A check before any AWS call: a non-null message stalls the object with <paramref name="Reason"/> and no AWS call
/// (InvalidSpec for the validators, Forbidden for <see cref="Tenancy"/>).
/// </summary>
/// <param name="Reason">The Stalled reason reported when <paramref name="Check"/> refuses.</param>
/// <param name="Check">Null when the object passes; else what a human must fix. Sees the object and its namespace's tenancy.</param>
public sealed record SpecGuard<T>(string Reason, Func<ManagedContext<T>, string?> Check)
    where T : class, IKubernetesObject
{
    /// <summary>A guard that reads only the object (validators).</summary>
    public SpecGuard(string reason, Func<T, string?> check)
        : this(reason, (ManagedContext<T> context) => check(context.Object))
    {
    }

    /// <summary>The namespace's tenancy rules (<see cref="TenancyEvaluator"/>): Forbidden, naming each field and rule.</summary>
    public static SpecGuard<T> Tenancy { get; } = new(ConditionReasons.Forbidden, (ManagedContext<T> context) =>
        TenancyEvaluator.Evaluate(context.Tenancy, context.Object) is { Count: > 0 } violations ? TenancyEvaluator.Message(violations) : null);
}
