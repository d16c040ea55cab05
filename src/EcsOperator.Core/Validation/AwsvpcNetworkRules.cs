using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.Validation;

/// <summary>
/// Services and tasks whose task definition uses awsvpc networking need subnets (1 to 16) and at most 5 security
/// groups; other network modes must not have a network configuration (ECS rejects it).
/// </summary>
internal static class AwsvpcNetworkRules
{
    public const int MaxSubnets = 16;
    public const int MaxSecurityGroups = 5;

    /// <summary>Whether tasks of <paramref name="template"/> get their own ENI (awsvpc, which Fargate implies).</summary>
    public static bool UsesAwsvpc(TaskDefinitionTemplate template) =>
        template.NetworkMode == "awsvpc" || TaskDefinitionValidator.IsFargate(template);

    public static void Check(NetworkConfiguration? network, TaskDefinitionTemplate? resolved, string path, FieldErrors errors)
    {
        var awsvpc = network?.AwsvpcConfiguration;
        if (resolved is not null && UsesAwsvpc(resolved) && awsvpc is null)
        {
            errors.Add($"{path}.awsvpcConfiguration",
                "the task definition uses networkMode awsvpc, so each task needs subnets: set networkConfiguration.awsvpcConfiguration.subnets (and securityGroups)");
            return;
        }

        if (resolved is not null && !UsesAwsvpc(resolved) && awsvpc is not null)
        {
            errors.Add($"{path}.awsvpcConfiguration",
                $"the task definition uses networkMode {resolved.NetworkMode ?? "bridge (the default)"}, which takes no network configuration: remove networkConfiguration or use networkMode awsvpc");
            return;
        }

        if (awsvpc is null)
            return;
        var subnets = awsvpc.Subnets ?? [];
        if (subnets.Count == 0)
            errors.Add($"{path}.awsvpcConfiguration.subnets", "awsvpc networking needs at least one subnet: list the subnet ids the tasks run in");
        else if (subnets.Count > MaxSubnets)
            errors.Add($"{path}.awsvpcConfiguration.subnets", $"{subnets.Count} subnets listed but ECS accepts at most {MaxSubnets}: remove some");
        if (awsvpc.SecurityGroups is { Count: > MaxSecurityGroups } groups)
            errors.Add($"{path}.awsvpcConfiguration.securityGroups", $"{groups.Count} security groups listed but ECS accepts at most {MaxSecurityGroups}: remove some");
    }
}
