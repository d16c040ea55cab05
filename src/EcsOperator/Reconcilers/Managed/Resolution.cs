namespace EcsOperator.Reconcilers.Managed;

/// <summary>A referenced object as the cache has it, and what is still missing (null when it can be used).</summary>
/// <param name="Object">The referenced object, or null when it does not exist.</param>
/// <param name="WaitingFor">Why it cannot be used yet; null when it can.</param>
/// <param name="NotYetObserved">
/// It exists, but its own controller has not written status for its current generation yet: it was just created or
/// changed, and will say within a pass whether it is usable.
/// </param>
public sealed record Resolution<T>(T? Object, string? WaitingFor, bool NotYetObserved = false)
    where T : class
{
    public static Resolution<T> Waiting(string why) => new(null, why);

    public bool IsReady => WaitingFor is null && Object is not null;
}
