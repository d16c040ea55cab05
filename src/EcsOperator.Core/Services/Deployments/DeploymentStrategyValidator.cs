using System.Globalization;
using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Validation;

namespace EcsOperator.Core.Services.Deployments;

/// <summary>
/// The operator's own check of blue/green, linear and canary settings (the CRD's CEL rules say the same at apply
/// time, but a cluster without them, or an older CRD, still gets a clear InvalidSpec instead of an AWS error).
/// </summary>
public static class DeploymentStrategyValidator
{
    private const string Path = "spec.deploymentConfiguration";

    /// <summary>Every problem of the spec's deployment strategy settings; empty when they are valid.</summary>
    public static IReadOnlyList<FieldError> Validate(EcsServiceSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new FieldErrors();
        var configuration = spec.DeploymentConfiguration;
        var strategy = configuration?.Strategy ?? DeploymentStrategy.Rolling;
        if (configuration is null)
            return errors.ToList();

        if (ServiceDeploymentProgress.ShiftsTraffic(strategy))
        {
            if (ExternalDeploymentControllers.IsExternal(spec.DeploymentController?.Type))
                errors.Add("spec.deploymentController.type", $"strategy {strategy} is run by the ECS deployment controller: set deploymentController.type to ECS or use strategy ROLLING");
            var advanced = spec.LoadBalancers?.Any(lb => lb.AdvancedConfiguration is { AlternateTargetGroupArn: not null, ProductionListenerRule: not null }) == true;
            if (!advanced && spec.ServiceConnectConfiguration is null)
                errors.Add("spec.loadBalancers", $"strategy {strategy} shifts traffic between two target groups: give a load balancer an advancedConfiguration (alternateTargetGroupArn, productionListenerRule, roleArn) or use serviceConnectConfiguration");
        }

        if (configuration.LinearConfiguration is { } linear)
        {
            if (strategy != DeploymentStrategy.Linear)
                errors.Add($"{Path}.linearConfiguration", $"linearConfiguration is only valid with strategy LINEAR, not {strategy}");
            if (linear.StepPercent is < 3.0 or > 100.0)
                errors.Add($"{Path}.linearConfiguration.stepPercent", $"stepPercent {Format(linear.StepPercent!.Value)} is out of range: use 3.0 to 100.0 (ECS default 10)");
            CheckMinutes(linear.StepBakeTimeInMinutes, $"{Path}.linearConfiguration.stepBakeTimeInMinutes", errors);
        }

        if (configuration.CanaryConfiguration is { } canary)
        {
            if (strategy != DeploymentStrategy.Canary)
                errors.Add($"{Path}.canaryConfiguration", $"canaryConfiguration is only valid with strategy CANARY, not {strategy}");
            if (canary.CanaryPercent is < 0.1 or > 100.0)
                errors.Add($"{Path}.canaryConfiguration.canaryPercent", $"canaryPercent {Format(canary.CanaryPercent!.Value)} is out of range: use 0.1 to 100.0 (ECS default 5)");
            CheckMinutes(canary.CanaryBakeTimeInMinutes, $"{Path}.canaryConfiguration.canaryBakeTimeInMinutes", errors);
        }

        CheckMinutes(configuration.BakeTimeInMinutes, $"{Path}.bakeTimeInMinutes", errors);
        foreach (var (hook, index) in (configuration.LifecycleHooks ?? []).Select((h, i) => (h, i)))
        {
            if ((hook.TargetType ?? "AWS_LAMBDA") == "AWS_LAMBDA" && string.IsNullOrEmpty(hook.HookTargetArn))
                errors.Add($"{Path}.lifecycleHooks[{index}].hookTargetArn", "an AWS_LAMBDA lifecycle hook needs hookTargetArn (the Lambda function ARN)");
            if (hook.LifecycleStages is not { Count: > 0 })
                errors.Add($"{Path}.lifecycleHooks[{index}].lifecycleStages", "a lifecycle hook needs at least one lifecycle stage");
        }

        return errors.ToList();
    }

    private static void CheckMinutes(int? minutes, string path, FieldErrors errors)
    {
        if (minutes is < 0 or > 1440)
            errors.Add(path, $"{minutes} minutes is out of range: use 0 to 1440 (24 hours)");
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
