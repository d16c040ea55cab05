namespace EcsOperator.Core.TaskDefinitions;

/// <summary>
/// Which revisions of a family the operator retires: it keeps the newest <c>revisionHistoryLimit</c> ACTIVE
/// revisions (the current one always among them, so rollback by pointing a service at an older revision works),
/// and never retires a revision a live service deployment or running task still uses.
/// </summary>
public static class RevisionHistory
{
    /// <param name="ownedActive">ACTIVE revisions of the family that carry this object's owner tag.</param>
    /// <param name="current">The revision the spec maps to now.</param>
    /// <param name="limit">spec.revisionHistoryLimit (at least 1).</param>
    /// <param name="inUse">Revisions referenced by any deployment of any service in the family's clusters, or by running tasks.</param>
    /// <returns>Revisions to deregister, oldest first.</returns>
    public static IReadOnlyList<int> ToDeregister(IEnumerable<int> ownedActive, int current, int limit, IReadOnlySet<int> inUse)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var newestFirst = ownedActive.Distinct().OrderByDescending(r => r).ToList();
        var kept = new HashSet<int> { current };
        foreach (var revision in newestFirst)
        {
            if (kept.Count >= limit)
                break;
            kept.Add(revision);
        }

        return newestFirst.Where(r => !kept.Contains(r) && !inUse.Contains(r)).OrderBy(r => r).ToList();
    }

    /// <summary>INACTIVE revisions the operator deregistered that no deployment uses any more: safe to delete for good.</summary>
    public static IReadOnlyList<int> ToDelete(IEnumerable<int> ownedInactive, IReadOnlySet<int> inUse) =>
        ownedInactive.Distinct().Where(r => !inUse.Contains(r)).OrderBy(r => r).ToList();
}
