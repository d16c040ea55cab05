using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Services;

namespace EcsOperator.Core.Tests.Services;

/// <summary>
/// DescribeServices returns up to 100 events per service and every deployment; a comparison reads neither (only the
/// managed fields), so the work of comparing a service that has been running for months must not grow with them: it
/// runs on every reconcile of every service.
/// </summary>
public sealed class ServiceComparisonCostTests
{
    [Fact]
    public void Comparing_a_service_costs_the_same_whatever_its_event_history_and_deployments()
    {
        var desired = ServiceComparerTests.Web;
        var fresh = EcsDescribes.ServiceCreatedBy(desired);
        var longRunning = fresh with
        {
            Events = [.. Enumerable.Range(0, 100).Select(i => new ServiceEvent
            {
                Id = $"event-{i}",
                CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(i),
                Message = $"(service web) has reached a steady state. ({i})",
            })],
            Deployments = [.. Enumerable.Range(0, 5).Select(i => new Deployment
            {
                Id = $"ecs-svc/{i}",
                Status = i == 0 ? "PRIMARY" : "INACTIVE",
                TaskDefinition = desired.TaskDefinition,
                DesiredCount = 3,
                RunningCount = 3,
                CreatedAt = DateTimeOffset.UnixEpoch.AddDays(i),
            })],
        };
        ServiceComparer.Compare(desired, fresh, autoScalingOwnsDesiredCount: false); // contracts resolved once, before counting

        var (freshComparison, freshBytes) = Allocating(() => ServiceComparer.Compare(desired, fresh, autoScalingOwnsDesiredCount: false));
        var (longRunningComparison, longRunningBytes) = Allocating(() => ServiceComparer.Compare(desired, longRunning, autoScalingOwnsDesiredCount: false));

        Assert.True(freshComparison.InSync);
        Assert.True(longRunningComparison.InSync);
        // A copy of the service record is the same size either way; the 100 events alone serialized to about 60 KB.
        Assert.InRange(longRunningBytes, 0, freshBytes + 1024);
    }

    [Fact]
    public void No_member_the_comparison_leaves_out_before_serializing_is_a_managed_field()
    {
        // ServiceComparer drops these from the live service before it serializes (Managed drops the rest after):
        // a managed field among them would never differ, so a change to it would never reach ECS.
        string[] leftOut = ["events", "deployments", "taskSets", "currentServiceRevisions", "tags"];
        Assert.Empty(ManagedServiceFields.All.Select(f => f.Name).Intersect(leftOut, StringComparer.Ordinal));
    }

    private static (ServiceComparison Comparison, long Bytes) Allocating(Func<ServiceComparison> compare)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var comparison = compare();
        return (comparison, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
