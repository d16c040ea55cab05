namespace EcsOperator.Reconcilers.Managed;

/// <summary>What <see cref="ExternalClient{T,TStatus,TLive}.DeleteAsync"/> did: finished (the finalizer goes), or still waiting and why.</summary>
public sealed record DeletionResult(bool Finished, string? WaitingFor = null, TimeSpan? RecheckAfter = null)
{
    public static DeletionResult Done { get; } = new(true);

    public static DeletionResult Waiting(string why, TimeSpan recheckAfter) => new(false, why, recheckAfter);
}
