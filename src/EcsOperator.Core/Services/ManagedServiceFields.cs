using System.Text.Json.Nodes;
using EcsOperator.Core.Diffing;

namespace EcsOperator.Core.Services;

/// <summary>
/// The fields the operator compares between an EcsService's desired CreateService request and the live service,
/// classified by how UpdateService applies them (ECS API reference, UpdateService: "the following parameters
/// trigger a new deployment"; fields it does not accept are immutable).
/// </summary>
public static class ManagedServiceFields
{
    public static readonly IReadOnlyList<ManagedServiceField> All =
    [
        new("taskDefinition", ChangeKind.NewDeployment),
        new("desiredCount", ChangeKind.InPlace),
        new("launchType", ChangeKind.Immutable),
        new("capacityProviderStrategy", ChangeKind.NewDeployment),
        new("platformVersion", ChangeKind.NewDeployment),
        new("networkConfiguration", ChangeKind.NewDeployment),
        new("loadBalancers", ChangeKind.NewDeployment, ManagedWhenAbsent: true),
        new("serviceRegistries", ChangeKind.NewDeployment, ManagedWhenAbsent: true),
        new("serviceConnectConfiguration", ChangeKind.NewDeployment),
        new("volumeConfigurations", ChangeKind.NewDeployment, ManagedWhenAbsent: true),
        new("vpcLatticeConfigurations", ChangeKind.NewDeployment, ManagedWhenAbsent: true),
        new("deploymentConfiguration", ChangeKind.InPlace),
        new("placementConstraints", ChangeKind.InPlace, ManagedWhenAbsent: true),
        new("placementStrategy", ChangeKind.InPlace, ManagedWhenAbsent: true),
        new("healthCheckGracePeriodSeconds", ChangeKind.InPlace),
        new("enableExecuteCommand", ChangeKind.InPlace, ManagedWhenAbsent: true),
        new("enableECSManagedTags", ChangeKind.InPlace, ManagedWhenAbsent: true),
        new("propagateTags", ChangeKind.InPlace, ManagedWhenAbsent: true),
        new("availabilityZoneRebalancing", ChangeKind.InPlace),
        new("deploymentController", ChangeKind.InPlace, ManagedWhenAbsent: true),
        new("schedulingStrategy", ChangeKind.Immutable, ManagedWhenAbsent: true),
        new("role", ChangeKind.Immutable),
    ];

    /// <summary>
    /// ECS's own values for fields a spec may omit, applied to both sides before comparing so that an explicit
    /// default and an omitted field are the same (and a GitOps diff never flaps).
    /// </summary>
    public static JsonObject Defaults(string? schedulingStrategy)
    {
        var daemon = schedulingStrategy == "DAEMON";
        return new JsonObject
        {
            ["schedulingStrategy"] = "REPLICA",
            ["enableExecuteCommand"] = false,
            ["enableECSManagedTags"] = false,
            ["propagateTags"] = "NONE",
            ["deploymentController"] = new JsonObject { ["type"] = "ECS" },
            ["deploymentConfiguration"] = new JsonObject
            {
                // DAEMON services replace tasks in place on each instance: ECS defaults them to 0% / 100%.
                ["maximumPercent"] = daemon ? 100 : 200,
                ["minimumHealthyPercent"] = daemon ? 0 : 100,
                ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = false, ["rollback"] = false },
                ["strategy"] = "ROLLING",
            },
        };
    }
}
