using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Tests.Conditions;

public sealed class ConditionSetTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private static Condition Ready(string status, string reason, DateTimeOffset at, long generation = 1) => new()
    {
        Type = "Ready", Status = status, Reason = reason, Message = reason, LastTransitionTime = at, ObservedGeneration = generation,
    };

    [Fact]
    public void Same_status_keeps_the_transition_time_but_takes_the_new_reason_and_generation()
    {
        var conditions = ConditionSet.Set(null, Ready(ConditionStatus.False, "Pending", T0));
        conditions = ConditionSet.Set(conditions, Ready(ConditionStatus.False, "RolloutInProgress", T0.AddMinutes(5), generation: 2));

        var ready = Assert.Single(conditions);
        Assert.Equal(T0, ready.LastTransitionTime);
        Assert.Equal("RolloutInProgress", ready.Reason);
        Assert.Equal(2, ready.ObservedGeneration);
    }

    [Fact]
    public void Status_change_moves_the_transition_time()
    {
        var conditions = ConditionSet.Set(null, Ready(ConditionStatus.False, "Pending", T0));
        conditions = ConditionSet.Set(conditions, Ready(ConditionStatus.True, "Available", T0.AddMinutes(5)));
        Assert.Equal(T0.AddMinutes(5), Assert.Single(conditions).LastTransitionTime);
        Assert.True(ConditionSet.IsTrue(conditions, "Ready"));
    }

    [Fact]
    public void Other_types_are_untouched_and_order_is_kept()
    {
        var stalled = new Condition { Type = "Stalled", Status = ConditionStatus.False, Reason = "Ok", Message = "", LastTransitionTime = T0 };
        var conditions = ConditionSet.SetAll(null, [Ready(ConditionStatus.False, "Pending", T0), stalled]);
        conditions = ConditionSet.Set(conditions, Ready(ConditionStatus.True, "Available", T0.AddHours(1)));
        Assert.Equal(["Ready", "Stalled"], conditions.Select(c => c.Type));
        Assert.Same(stalled, conditions[1]);
    }
}
