namespace EcsOperator.Reconcilers.Managed;

/// <summary>What an object waits for before it can be applied, from <see cref="ExternalClient{T,TStatus,TLive}.WaitingFor"/>.</summary>
/// <param name="Why">The status message: which reference, and what it lacks.</param>
/// <param name="NotYetObserved">
/// The reference's own controller has not looked at its current generation yet (see <see cref="Resolution{T}.NotYetObserved"/>):
/// its first status write wakes the waiting object, so the skeleton writes nothing for the wait.
/// </param>
public sealed record DependencyWait(string Why, bool NotYetObserved)
{
    /// <summary>The wait a resolution means, or null when the reference can be used; <paramref name="field"/> is appended to the message.</summary>
    public static DependencyWait? Of<T>(Resolution<T> resolution, string? field = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return resolution.WaitingFor is { } why ? new DependencyWait(field is null ? why : $"{why} ({field})", resolution.NotYetObserved) : null;
    }
}
