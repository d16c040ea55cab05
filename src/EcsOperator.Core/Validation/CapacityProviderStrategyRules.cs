using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.Validation;

/// <summary>
/// The rules ECS applies to every capacity provider strategy (a service's, a task's, a cluster's default): at most one
/// provider with a base, weights 0..1000 with at least one above 0, base 0..100000, each provider once, and Fargate
/// providers never mixed with Auto Scaling group providers.
/// </summary>
internal static class CapacityProviderStrategyRules
{
    public static bool IsFargate(string? provider) => provider is "FARGATE" or "FARGATE_SPOT";

    public static void Check(IReadOnlyList<CapacityProviderStrategyItem>? strategy, string path, FieldErrors errors)
    {
        if (strategy is null || strategy.Count == 0)
            return;

        string? withBase = null;
        for (var i = 0; i < strategy.Count; i++)
        {
            var item = strategy[i];
            var itemPath = FieldErrors.Item(path, item.CapacityProvider, i);
            if (string.IsNullOrWhiteSpace(item.CapacityProvider))
                errors.Add($"{itemPath}.capacityProvider", "capacityProvider is required: name FARGATE, FARGATE_SPOT or an Auto Scaling group capacity provider");
            if (item.Weight is < 0 or > 1000)
                errors.Add($"{itemPath}.weight", $"weight {item.Weight} is out of range: use 0 to 1000");
            if (item.Base is < 0 or > 100000)
                errors.Add($"{itemPath}.base", $"base {item.Base} is out of range: use 0 to 100000");
            if (item.Base > 0)
            {
                if (withBase is null)
                    withBase = item.CapacityProvider;
                else
                    errors.Add($"{itemPath}.base", $"only one capacity provider in a strategy can have a base, and {withBase} already has one: set base to 0 here");
            }
        }

        foreach (var (key, index) in FieldErrors.Duplicates(strategy, s => s.CapacityProvider))
            errors.Add(FieldErrors.Item(path, key, index), $"capacity provider {key} is listed more than once: list each provider once");

        if (strategy.All(s => (s.Weight ?? 0) == 0))
            errors.Add(path, "every capacity provider has weight 0, so no task can be placed: give at least one provider a weight above 0");

        var fargate = strategy.FirstOrDefault(s => IsFargate(s.CapacityProvider));
        var other = strategy.FirstOrDefault(s => s.CapacityProvider is not null && !IsFargate(s.CapacityProvider));
        if (fargate is not null && other is not null)
        {
            errors.Add(path, $"a strategy cannot mix Fargate ({fargate.CapacityProvider}) and Auto Scaling group ({other.CapacityProvider}) capacity providers: use one kind");
        }
    }
}
