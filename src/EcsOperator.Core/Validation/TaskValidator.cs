using EcsOperator.Api.Tasks;
using EcsOperator.Api.TaskDefinitions;

namespace EcsOperator.Core.Validation;

/// <summary>
/// Checks an EcsTask spec before RunTask: its task-definition and cluster references, count, launch type or
/// capacity providers, networking and overrides against the resolved task definition.
/// </summary>
public static class TaskValidator
{
    /// <summary>
    /// Every problem of <paramref name="spec"/>; <paramref name="resolvedTaskDefinition"/> is the referenced
    /// EcsTaskDefinition's spec, or null for an external task definition (then the checks that need it are skipped).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(EcsTaskSpec spec, TaskDefinitionTemplate? resolvedTaskDefinition)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new FieldErrors();
        var resolved = resolvedTaskDefinition;

        if ((spec.TaskDefinitionRef is null) == (spec.TaskDefinition is null))
        {
            errors.Add("spec", spec.TaskDefinition is null
                ? "no task definition: set one of taskDefinitionRef and taskDefinition"
                : "set exactly one of taskDefinitionRef and taskDefinition, not both");
        }

        if (spec.TaskDefinition is not null && EcsReferences.CheckTaskDefinition(spec.TaskDefinition) is { } problem)
            errors.Add("spec.taskDefinition", problem);
        if (spec.Cluster is not null && EcsReferences.CheckCluster(spec.Cluster) is { } clusterProblem)
            errors.Add("spec.cluster", clusterProblem);
        if (spec.Count is < 1 or > 10)
            errors.Add("spec.count", $"count {spec.Count} is out of range: RunTask starts 1 to 10 tasks; create more EcsTasks for more");
        if (spec.TtlSecondsAfterFinished is < 0)
            errors.Add("spec.ttlSecondsAfterFinished", $"ttlSecondsAfterFinished {spec.TtlSecondsAfterFinished} is negative: use 0 (delete at once) or more, or omit it to keep the object");

        if (spec.LaunchType is not null && spec.CapacityProviderStrategy is { Count: > 0 })
            errors.Add("spec.capacityProviderStrategy", "set launchType or capacityProviderStrategy, not both: remove one (neither means the cluster's default strategy)");
        CapacityProviderStrategyRules.Check(spec.CapacityProviderStrategy, "spec.capacityProviderStrategy", errors);
        ServiceValidator.CheckCompatibility(spec.LaunchType, spec.CapacityProviderStrategy, resolved, errors);
        AwsvpcNetworkRules.Check(spec.NetworkConfiguration, resolved, "spec.networkConfiguration", errors);

        var onFargate = spec.LaunchType == "FARGATE" || spec.CapacityProviderStrategy?.Any(s => CapacityProviderStrategyRules.IsFargate(s.CapacityProvider)) == true;
        if (onFargate && spec.PlacementConstraints is { Count: > 0 })
            errors.Add("spec.placementConstraints", "Fargate does not support placement constraints: remove placementConstraints");
        if (onFargate && spec.PlacementStrategy is { Count: > 0 })
            errors.Add("spec.placementStrategy", "Fargate does not support placement strategies: remove placementStrategy");

        CheckOverrides(spec, resolved, errors);
        TagRules.Check(spec.Tags, "spec.tags", errors);
        return errors.ToList();
    }

    private static void CheckOverrides(EcsTaskSpec spec, TaskDefinitionTemplate? resolved, FieldErrors errors)
    {
        if (spec.Overrides is not { } overrides)
            return;
        if (overrides.Cpu is { } cpu && FargateTaskSize.ParseCpuUnits(cpu) is null)
            errors.Add("spec.overrides.cpu", $"'{cpu}' is not a cpu value: use CPU units like 1024 or vCPUs like 1 vCPU");
        if (overrides.Memory is { } memory && FargateTaskSize.ParseMemoryMiB(memory) is null)
            errors.Add("spec.overrides.memory", $"'{memory}' is not a memory value: use MiB like 2048 or GB like 2 GB");

        var containers = overrides.ContainerOverrides ?? [];
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            var path = FieldErrors.Item("spec.overrides.containerOverrides", container.Name, i);
            if (string.IsNullOrWhiteSpace(container.Name))
            {
                errors.Add($"{path}.name", "a container override needs the name of the container it overrides");
                continue;
            }

            if (resolved is not null && !(resolved.ContainerDefinitions ?? []).Any(c => c.Name == container.Name))
            {
                errors.Add($"{path}.name",
                    $"the task definition has no container named '{container.Name}' (it has {string.Join(", ", (resolved.ContainerDefinitions ?? []).Select(c => c.Name))}): fix the override's name");
            }

            if (container.Memory is { } hard && container.MemoryReservation is { } soft && soft > hard)
                errors.Add($"{path}.memoryReservation", $"memoryReservation {soft} MiB exceeds memory {hard} MiB: lower memoryReservation or raise memory");
        }

        foreach (var (key, index) in FieldErrors.Duplicates(containers, c => c.Name))
            errors.Add(FieldErrors.Item("spec.overrides.containerOverrides", key, index), $"container {key} is overridden more than once: merge the overrides");
    }
}
