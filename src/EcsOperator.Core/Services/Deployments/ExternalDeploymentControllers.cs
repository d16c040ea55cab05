using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;
using EcsOperator.Core.Conditions;

namespace EcsOperator.Core.Services.Deployments;

/// <summary>
/// Services whose deploymentController is CODE_DEPLOY or EXTERNAL: ECS lets UpdateService change only some fields
/// (API reference, UpdateService), and a new task definition revision must go out through CodeDeploy or a task set.
/// The operator manages what ECS lets it change and reports a new revision as Stalled instead of failing UpdateService
/// in a loop.
/// </summary>
public static class ExternalDeploymentControllers
{
    /// <summary>True for CODE_DEPLOY and EXTERNAL.</summary>
    public static bool IsExternal(string? controllerType) => controllerType is "CODE_DEPLOY" or "EXTERNAL";

    /// <summary>
    /// Stalled (ExternalDeploymentController) when the spec wants a task definition the live service does not run
    /// under an external controller; null when there is nothing the operator cannot do.
    /// </summary>
    /// <param name="controllerType">The live service's deploymentController.type (or the spec's before it exists).</param>
    /// <param name="liveTaskDefinition">The live service's taskDefinition.</param>
    /// <param name="desiredTaskDefinition">The task definition the spec resolves to.</param>
    public static ReconcileState.Stalled? Check(string? controllerType, string? liveTaskDefinition, string desiredTaskDefinition)
    {
        ArgumentNullException.ThrowIfNull(desiredTaskDefinition);
        if (!IsExternal(controllerType) || liveTaskDefinition is null
            || EcsNames.TaskDefinitionFamilyRevision(liveTaskDefinition) == EcsNames.TaskDefinitionFamilyRevision(desiredTaskDefinition))
        {
            return null;
        }

        var wanted = EcsNames.TaskDefinitionFamilyRevision(desiredTaskDefinition);
        var running = EcsNames.TaskDefinitionFamilyRevision(liveTaskDefinition);
        var how = controllerType == "CODE_DEPLOY"
            ? $"start a CodeDeploy deployment of {wanted} (aws deploy create-deployment with an AppSpec naming it)"
            : $"create a task set of {wanted} (CreateTaskSet) and make it primary (UpdateServicePrimaryTaskSet), or let your external controller do so";
        return new ReconcileState.Stalled(ConditionReasons.ExternalDeploymentController,
            $"the service's deploymentController is {controllerType}, so ECS does not let UpdateService roll it from {running} to {wanted}: {how}. "
            + "Or set spec.deploymentController.type to ECS (ECS then needs the service recreated) to let the operator roll it out. "
            + "The operator keeps desiredCount, placement, health check grace period and tags in sync meanwhile");
    }

    /// <summary>
    /// The part of an UpdateService request ECS accepts under the controller: CODE_DEPLOY allows desired count,
    /// deployment configuration, health check grace period, placement constraints and strategy, ECS managed tags and
    /// propagate tags; EXTERNAL the same without deployment configuration. Null when nothing is left to send.
    /// </summary>
    public static UpdateServiceRequest? Restrict(UpdateServiceRequest update, string? controllerType)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!IsExternal(controllerType))
            return update;

        var restricted = new UpdateServiceRequest
        {
            Cluster = update.Cluster,
            Service = update.Service,
            DesiredCount = update.DesiredCount,
            DeploymentConfiguration = controllerType == "CODE_DEPLOY" ? update.DeploymentConfiguration : null,
            HealthCheckGracePeriodSeconds = update.HealthCheckGracePeriodSeconds,
            PlacementConstraints = update.PlacementConstraints,
            PlacementStrategy = update.PlacementStrategy,
            EnableECSManagedTags = update.EnableECSManagedTags,
            PropagateTags = update.PropagateTags,
        };
        return restricted with { Cluster = null, Service = null } == new UpdateServiceRequest() ? null : restricted;
    }
}
