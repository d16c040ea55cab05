namespace EcsOperator.Reconcilers.Managed;

/// <summary>A referenced object as the cache has it, and what is still missing (null when it can be used).</summary>
public sealed record Resolution<T>(T? Object, string? WaitingFor)
    where T : class
{
    public static Resolution<T> Waiting(string why) => new(null, why);

    public bool IsReady => WaitingFor is null && Object is not null;
}
