using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Hosting;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.TaskDefinitions;

/// <summary>
/// Which task-definition families exist under a prefix, per AWS principal: one ListTaskDefinitionFamilies (ACTIVE, all
/// pages) serves every new EcsTaskDefinition of a namespace for <see cref="OperatorOptions.TaskDefinitionFamilyCensusMaxAge"/>,
/// so one whose family is absent registers without listing the family's revisions first. A census is taken only when it
/// is cheaper than the lists it saves: one page per 100 families against one list per new object of the window.
/// </summary>
/// <remarks>
/// Why absent means "nothing to find and nobody else's" (the two things the ACTIVE list guards), case by case:
/// <list type="bullet">
/// <item>Operator killed between RegisterTaskDefinition and the status write: this process is new, its census is taken
/// after it started, so after the old one's registration: the family is present and the object lists as before.</item>
/// <item>A status write lost inside this process: every family this process registers into (or sees in any list) is
/// marked at once in a set that no census replaces, so it is present from then on.</item>
/// <item>An API server store restored from before the status write: the revision is still in AWS, the family present.</item>
/// <item>A family someone else owns (another Kubernetes cluster, a hand-made one): present, so the object lists and stalls
/// NotOwned before registering, as before. A foreign registration made after the census was taken and before ours is
/// not seen: the same check-then-act race the ACTIVE list has between its read and RegisterTaskDefinition, only wider
/// (up to the census age instead of milliseconds).</item>
/// <item>Two replicas: only the leader reconciles, a replica that loses the lease stops (a new process, no census), and
/// the new leader's census is taken after it started leading, so after whatever the old leader registered before it
/// stopped; an old leader still registering during the handover is the race above.</item>
/// <item>ECS lists are eventually consistent: a registration a census does not show yet, the ACTIVE list it replaces
/// would not show either.</item>
/// </list>
/// A failed census answers "unknown" for its window (the object lists as before), so a principal without
/// <c>ecs:ListTaskDefinitionFamilies</c> pays at most one refused call per window and namespace.
/// </remarks>
public sealed class TaskDefinitionFamilyCensus(OperatorOptions options, TimeProvider time, ILogger<TaskDefinitionFamilyCensus> logger)
{
    /// <summary>ListTaskDefinitionFamilies' page size (its maximum and default).</summary>
    private const int FamiliesPerPage = 100;

    private readonly object _gate = new();
    private readonly Dictionary<(string Principal, string Prefix), Snapshot> _snapshots = [];
    private readonly Dictionary<(string Principal, string Prefix), Demand> _demand = [];

    /// <summary>
    /// Families known to exist regardless of any census: registered into or listed by this process. Held as hashes of
    /// principal and family, not the strings (each entry would keep its own copy of the family name, one per task
    /// definition): a collision can only make a family count as seen, so that object lists its family as it would
    /// without a census; a family this process saw is always found.
    /// </summary>
    private readonly HashSet<long> _seen = [];

    private int _warned;

    /// <summary>
    /// True only when a census of <paramref name="prefix"/> taken at most the census age ago succeeded, does not hold
    /// <paramref name="family"/>, and this process never registered into or saw it. Anything else: false (list).
    /// </summary>
    public async Task<bool> IsAbsentAsync(IEcsApi ecs, string principal, string prefix, string family, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecs);
        if (options.TaskDefinitionFamilyCensusMaxAge <= TimeSpan.Zero || !family.StartsWith(prefix, StringComparison.Ordinal) || Seen(principal, family))
            return false;
        var families = await Current(ecs, principal, prefix).WaitAsync(cancellationToken);
        // Seen again after the await: a registration by this process may have landed while the census was in flight.
        return families is not null && !families.Contains(family) && !Seen(principal, family);
    }

    /// <summary>Marks <paramref name="family"/> as existing for <paramref name="principal"/> from now on.</summary>
    public void Exists(string principal, string family)
    {
        lock (_gate)
        {
            _seen.Add(SeenKey(principal, family));
        }
    }

    private bool Seen(string principal, string family)
    {
        lock (_gate)
        {
            return _seen.Contains(SeenKey(principal, family));
        }
    }

    private static long SeenKey(string principal, string family) =>
        ((long)principal.GetHashCode(StringComparison.Ordinal) << 32) | (uint)family.GetHashCode(StringComparison.Ordinal);

    /// <summary>
    /// The census of the window, started by the caller who finds none fresh once the window has had as many callers as
    /// the last census had pages; later callers share it. Before that (null) each caller lists its own family: while new
    /// objects trickle in (a few per window), a census of thousands of families would cost tens of pages per window to
    /// save one list each; a burst reaches the page count at once and is served by one census.
    /// </summary>
    private Task<IReadOnlySet<string>?> Current(IEcsApi ecs, string principal, string prefix)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            // Age counts from the start of the listing: what ECS held before then is surely in it.
            if (_snapshots.TryGetValue((principal, prefix), out var snapshot) && now - snapshot.StartedAt < options.TaskDefinitionFamilyCensusMaxAge)
                return snapshot.Families;
            if (!_demand.TryGetValue((principal, prefix), out var demand))
                _demand[(principal, prefix)] = demand = new Demand { WindowStart = now };
            if (now - demand.WindowStart >= options.TaskDefinitionFamilyCensusMaxAge)
            {
                demand.WindowStart = now;
                demand.Callers = 0;
            }

            if (++demand.Callers < demand.LastPages)
                return NoCensus;
            // Not the caller's token: other reconciles wait on this census too (each stops waiting on its own token).
            var started = new Snapshot(now, TakeAsync(ecs, prefix, demand));
            _snapshots[(principal, prefix)] = started;
            return started.Families;
        }
    }

    private static readonly Task<IReadOnlySet<string>?> NoCensus = Task.FromResult<IReadOnlySet<string>?>(null);

    private async Task<IReadOnlySet<string>?> TakeAsync(IEcsApi ecs, string prefix, Demand demand)
    {
        try
        {
            var families = await ecs.ListAllTaskDefinitionFamiliesAsync(
                new ListTaskDefinitionFamiliesRequest { FamilyPrefix = prefix, Status = TaskDefinitionFamilyStatus.Active }, CancellationToken.None);
            lock (_gate)
            {
                demand.LastPages = families.Count / FamiliesPerPage + 1;
            }

            return families.ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // e.g. AccessDenied under an IAM policy from before the census: every new object lists, as before.
            if (Interlocked.Exchange(ref _warned, 1) == 0)
                logger.LogWarning(e, "ListTaskDefinitionFamilies of {Prefix} failed; new task definitions list their family's revisions instead", prefix);
            else
                logger.LogDebug(e, "ListTaskDefinitionFamilies of {Prefix} failed", prefix);
            return null;
        }
    }

    private sealed record Snapshot(DateTimeOffset StartedAt, Task<IReadOnlySet<string>?> Families);

    /// <summary>Callers of a prefix in the current window, and the pages its last census took (1 before the first).</summary>
    private sealed class Demand
    {
        public DateTimeOffset WindowStart { get; set; }

        public int Callers { get; set; }

        public int LastPages { get; set; } = 1;
    }
}
