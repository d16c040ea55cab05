using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>StopServiceDeployment and the checks ECS makes on blue/green, linear and canary configurations.</summary>
internal sealed partial class EcsApi
{
    private JsonObject StopServiceDeployment(JsonObject request)
    {
        var arn = Json.RequiredStr(request, "serviceDeploymentArn");
        var stopType = Json.Str(request, "stopType") ?? "ROLLBACK";
        if (stopType is not ("ROLLBACK" or "ABORT"))
        {
            throw AwsErrorException.InvalidParameter("stopType must be one of [ABORT, ROLLBACK].");
        }

        var service = ServiceNamedIn(arn, ":service-deployment/");
        var sd = service?.ServiceDeployments.FirstOrDefault(x => x.Arn == arn)
            ?? throw new AwsErrorException("ServiceDeploymentNotFoundException", "The service deployment does not exist.");
        if (sd.Status is not ("PENDING" or "IN_PROGRESS"))
        {
            throw new AwsErrorException("ConflictException", $"The service deployment is {sd.Status} and can no longer be stopped.");
        }

        if (stopType == "ABORT")
        {
            throw new AwsErrorException("UnsupportedFeatureException", "The simulator supports only the ROLLBACK stop type.");
        }

        if (!_scheduler.RollBack(sd.Service, sd, "Service deployment rolled back because a user stopped it with StopServiceDeployment."))
        {
            throw new AwsErrorException("ConflictException", "The service deployment has no previous service revision to roll back to.");
        }

        return new JsonObject { ["serviceDeploymentArn"] = sd.Arn };
    }

    /// <summary>The limits the API reference gives for strategy, bake times, linear and canary configurations.</summary>
    private static void ValidateDeploymentStrategy(JsonObject configuration)
    {
        var strategy = Json.Str(configuration, "strategy") ?? "ROLLING";
        if (strategy is not ("ROLLING" or "BLUE_GREEN" or "LINEAR" or "CANARY"))
        {
            throw AwsErrorException.InvalidParameter("strategy must be one of [ROLLING, BLUE_GREEN, LINEAR, CANARY].");
        }

        if (Json.Int(configuration, "bakeTimeInMinutes") is < 0 or > 1440)
        {
            throw AwsErrorException.InvalidParameter("bakeTimeInMinutes must be between 0 and 1440.");
        }

        if (Json.Obj(configuration, "linearConfiguration") is { } linear)
        {
            if (strategy != "LINEAR")
            {
                throw AwsErrorException.InvalidParameter("linearConfiguration is only valid with the LINEAR deployment strategy.");
            }

            if (Json.Double(linear, "stepPercent") is < 3.0 or > 100.0)
            {
                throw AwsErrorException.InvalidParameter("stepPercent must be between 3.0 and 100.0.");
            }

            if (Json.Int(linear, "stepBakeTimeInMinutes") is < 0 or > 1440)
            {
                throw AwsErrorException.InvalidParameter("stepBakeTimeInMinutes must be between 0 and 1440.");
            }
        }

        if (Json.Obj(configuration, "canaryConfiguration") is { } canary)
        {
            if (strategy != "CANARY")
            {
                throw AwsErrorException.InvalidParameter("canaryConfiguration is only valid with the CANARY deployment strategy.");
            }

            if (Json.Double(canary, "canaryPercent") is < 0.1 or > 100.0)
            {
                throw AwsErrorException.InvalidParameter("canaryPercent must be between 0.1 and 100.0.");
            }

            if (Json.Int(canary, "canaryBakeTimeInMinutes") is < 0 or > 1440)
            {
                throw AwsErrorException.InvalidParameter("canaryBakeTimeInMinutes must be between 0 and 1440.");
            }
        }

        foreach (var hook in (Json.Arr(configuration, "lifecycleHooks") ?? []).OfType<JsonObject>())
        {
            if ((Json.Str(hook, "targetType") ?? "AWS_LAMBDA") == "AWS_LAMBDA" && Json.Str(hook, "hookTargetArn") is null)
            {
                throw AwsErrorException.InvalidParameter("hookTargetArn is required for a lifecycle hook.");
            }

            if (Json.Strings(hook, "lifecycleStages").Count == 0)
            {
                throw AwsErrorException.InvalidParameter("lifecycleStages is required for a lifecycle hook.");
            }
        }
    }

    /// <summary>
    /// Traffic shifting needs somewhere to shift it: a load balancer with an advancedConfiguration (alternate target
    /// group, production listener rule) or Service Connect.
    /// </summary>
    private static void ValidateTrafficShiftResources(JsonObject configuration, SimServiceRevision revision)
    {
        if (!Scheduler.ShiftsTraffic(Json.Str(configuration, "strategy")))
        {
            return;
        }

        var balanced = revision.LoadBalancers.OfType<JsonObject>().Any(lb => Json.Obj(lb, "advancedConfiguration") is { } advanced
            && Json.Str(advanced, "alternateTargetGroupArn") is not null
            && Json.Str(advanced, "productionListenerRule") is not null);
        if (!balanced && revision.ServiceConnectConfiguration is null)
        {
            throw AwsErrorException.InvalidParameter("The BLUE_GREEN, LINEAR and CANARY deployment strategies require a load balancer with an advancedConfiguration (alternateTargetGroupArn, productionListenerRule) or a Service Connect configuration.");
        }
    }
}
