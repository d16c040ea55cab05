using EcsOperator.Kubernetes.Rest;
using EcsOperator.Reconcilers.Services;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.Host.Tests.Services;

public sealed class ServiceRolloutRechecksTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void A_describe_takes_the_nine_soonest_due_services_of_its_namespace_and_cluster()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var rechecks = new ServiceRolloutRechecks(time);
        var now = time.GetUtcNow();
        // 30 due (some overdue: their reconciles are still queued), in scrambled order; one far in the future.
        for (var i = 0; i < 30; i++)
        {
            var at = (i * 7) % 30;
            rechecks.Expect(new ObjectKey("shop", $"s{at:D2}"), "shop", "default", $"s{at:D2}", now + TimeSpan.FromMilliseconds(at * 5 - 100));
        }

        rechecks.Expect(new ObjectKey("shop", "later"), "shop", "default", "later", now + TimeSpan.FromSeconds(5));
        rechecks.Expect(new ObjectKey("other", "s00x"), "other", "default", "s00x", now - TimeSpan.FromSeconds(1));
        rechecks.Expect(new ObjectKey("shop", "elsewhere"), "shop", "prod", "elsewhere", now - TimeSpan.FromSeconds(1));

        var companions = rechecks.Companions(new ObjectKey("shop", "s00"), "shop", "default", "s00", Window, max: 9);

        Assert.Equal(["s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08", "s09"], companions);
    }

    [Fact]
    public void Entries_overdue_by_more_than_thirty_seconds_are_forgotten()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var rechecks = new ServiceRolloutRechecks(time);
        rechecks.Expect(new ObjectKey("shop", "a"), "shop", "default", "a", time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(31));

        Assert.Empty(rechecks.Companions(new ObjectKey("shop", "b"), "shop", "default", "b", Window, max: 9));
        Assert.Equal(0, rechecks.Count);
    }
}
