using EcsOperator.Core.TaskDefinitions;
using FsCheck;
using FsCheck.Fluent;

namespace EcsOperator.Core.Tests.TaskDefinitions;

public sealed class RevisionHistoryTests
{
    [Fact]
    public void Keeps_the_newest_revisions_up_to_the_limit()
    {
        var retire = RevisionHistory.ToDeregister([1, 2, 3, 4, 5, 6], current: 6, limit: 3, inUse: new HashSet<int>());
        Assert.Equal([1, 2, 3], retire);
    }

    [Fact]
    public void Never_retires_a_revision_in_use_or_the_current_one()
    {
        var retire = RevisionHistory.ToDeregister([1, 2, 3, 4, 5, 6], current: 2, limit: 2, inUse: new HashSet<int> { 1 });
        Assert.Equal([3, 4, 5], retire);
    }

    [Fact]
    public void Deletes_only_inactive_revisions_nobody_uses() =>
        Assert.Equal([3, 7], RevisionHistory.ToDelete([7, 3, 5], new HashSet<int> { 5 }));

    [Fact]
    public void Any_history_keeps_current_and_in_use_and_at_most_limit_others()
    {
        var histories = from active in Gen.ListOf(Gen.Choose(1, 40))
                        from current in Gen.Choose(1, 40)
                        from limit in Gen.Choose(1, 12)
                        from used in Gen.ListOf(Gen.Choose(1, 40))
                        select (active, current, limit, used);
        Prop.ForAll(histories.ToArbitrary(), h =>
        {
            var inUse = h.used.ToHashSet();
            var all = h.active.Append(h.current).Distinct().ToList();
            var retired = RevisionHistory.ToDeregister(all, h.current, h.limit, inUse);
            var remaining = all.Except(retired).ToList();
            return !retired.Contains(h.current)
                && !retired.Any(inUse.Contains)
                && remaining.Count(r => !inUse.Contains(r)) <= h.limit
                && retired.All(r => remaining.Count(k => k > r) >= h.limit - 1);
        }).QuickCheckThrowOnFailure();
    }
}
