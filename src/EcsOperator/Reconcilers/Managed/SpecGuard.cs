namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// A check before any AWS call: a non-null message stalls the object with <paramref name="Reason"/> and no AWS call
/// (InvalidSpec for the validators; a tenancy evaluator will add one returning Forbidden).
/// </summary>
/// <param name="Reason">The Stalled reason reported when <paramref name="Check"/> refuses.</param>
/// <param name="Check">Null when the object passes; else what a human must fix.</param>
public sealed record SpecGuard<T>(string Reason, Func<T, string?> Check)
    where T : class;
