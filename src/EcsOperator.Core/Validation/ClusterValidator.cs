using EcsOperator.Api.Clusters;

namespace EcsOperator.Core.Validation;

/// <summary>
/// Checks an EcsCluster spec before any AWS call: the cluster name, that the default capacity provider strategy only
/// uses providers associated with the cluster, and the cluster settings.
/// </summary>
public static class ClusterValidator
{
    private static readonly string[] ContainerInsightsValues = ["enabled", "disabled", "enhanced"];

    /// <summary>Every problem of <paramref name="spec"/>; <paramref name="metadataName"/> is the default cluster name.</summary>
    public static IReadOnlyList<FieldError> Validate(EcsClusterSpec spec, string metadataName)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new FieldErrors();
        if (spec.ClusterName is not null)
        {
            if (!EcsReferences.IsName(spec.ClusterName))
                errors.Add("spec.clusterName", $"'{spec.ClusterName}' is not a valid ECS cluster name: use 1 to 255 letters, digits, - and _");
        }
        else if (!EcsReferences.IsName(metadataName))
        {
            errors.Add("spec.clusterName",
                $"the cluster name defaults to metadata.name '{metadataName}', which ECS does not accept (only letters, digits, - and _): set spec.clusterName explicitly, e.g. '{metadataName.Replace('.', '-')}'");
        }

        var providers = spec.CapacityProviders ?? [];
        for (var i = 0; i < providers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(providers[i]))
                errors.Add(FieldErrors.Item("spec.capacityProviders", null, i), "a capacity provider name is empty: name FARGATE, FARGATE_SPOT or an Auto Scaling group capacity provider");
        }

        foreach (var (key, _) in FieldErrors.Duplicates(providers, p => p))
            errors.Add("spec.capacityProviders", $"capacity provider {key} is listed more than once: list each provider once");

        foreach (var (key, index) in FieldErrors.Duplicates(spec.CapacityProviderRefs, r => r.Name))
            errors.Add(FieldErrors.Item("spec.capacityProviderRefs", key, index), $"EcsCapacityProvider {key} is referenced more than once: list it once");

        const string StrategyPath = "spec.defaultCapacityProviderStrategy";
        var strategy = spec.DefaultCapacityProviderStrategy ?? [];
        CapacityProviderStrategyRules.Check(strategy, StrategyPath, errors);
        for (var i = 0; i < strategy.Count; i++)
        {
            var provider = strategy[i].CapacityProvider;
            // With capacityProviderRefs the strategy may name their ECS names, known only once they are resolved.
            if (!string.IsNullOrWhiteSpace(provider) && !providers.Contains(provider) && spec.CapacityProviderRefs is not { Count: > 0 })
            {
                errors.Add($"{FieldErrors.Item(StrategyPath, provider, i)}.capacityProvider",
                    $"{provider} is not in spec.capacityProviders ({(providers.Count == 0 ? "which is empty" : string.Join(", ", providers))}): a default strategy can only use providers associated with the cluster — add it to capacityProviders{(CapacityProviderStrategyRules.IsFargate(provider) ? " (FARGATE and FARGATE_SPOT are built in but must still be listed)" : string.Empty)}");
            }
        }

        var settings = spec.Settings ?? [];
        for (var i = 0; i < settings.Count; i++)
        {
            var setting = settings[i];
            var path = FieldErrors.Item("spec.settings", setting.Name, i);
            if (setting.Name != "containerInsights")
                errors.Add($"{path}.name", $"'{setting.Name}' is not a cluster setting: the only setting is containerInsights");
            else if (setting.Value is null || Array.IndexOf(ContainerInsightsValues, setting.Value) < 0)
                errors.Add($"{path}.value", $"containerInsights '{setting.Value}' is not valid: use enabled, enhanced or disabled");
        }

        foreach (var (key, index) in FieldErrors.Duplicates(settings, s => s.Name))
            errors.Add(FieldErrors.Item("spec.settings", key, index), $"setting {key} is listed more than once: keep one");
        TagRules.Check(spec.Tags, "spec.tags", errors);
        return errors.ToList();
    }
}
