using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Core.Conditions;

/// <summary>
/// Sets conditions the way Kubernetes API conventions ask: one entry per type, <c>lastTransitionTime</c> moved only
/// when the status changes (so "Ready for 3 days" stays true across reconciles), reason, message and
/// observedGeneration always current.
/// </summary>
public static class ConditionSet
{
    /// <summary>Returns <paramref name="existing"/> with <paramref name="condition"/> set; other types untouched, order kept.</summary>
    public static IReadOnlyList<Condition> Set(IReadOnlyList<Condition>? existing, Condition condition)
    {
        var result = new List<Condition>((existing?.Count ?? 0) + 1);
        var replaced = false;
        foreach (var current in existing ?? [])
        {
            if (current.Type != condition.Type)
            {
                result.Add(current);
                continue;
            }

            replaced = true;
            result.Add(current.Status == condition.Status
                ? condition with { LastTransitionTime = current.LastTransitionTime }
                : condition);
        }

        if (!replaced)
            result.Add(condition);
        return result;
    }

    /// <summary>Sets every condition in <paramref name="conditions"/> in turn.</summary>
    public static IReadOnlyList<Condition> SetAll(IReadOnlyList<Condition>? existing, IEnumerable<Condition> conditions) =>
        conditions.Aggregate(existing ?? [], Set);

    /// <summary>The condition of <paramref name="type"/>, or null.</summary>
    public static Condition? Find(IReadOnlyList<Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(c => c.Type == type);

    /// <summary>Whether the condition of <paramref name="type"/> is present with status True.</summary>
    public static bool IsTrue(IReadOnlyList<Condition>? conditions, string type) =>
        Find(conditions, type)?.Status == ConditionStatus.True;
}
