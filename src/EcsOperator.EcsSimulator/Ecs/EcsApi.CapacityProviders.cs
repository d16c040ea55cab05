using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>
/// Auto Scaling group capacity providers: create, update (managed scaling, termination protection, draining), delete
/// (DELETE_FAILED while a cluster has it associated, else DELETE_IN_PROGRESS then INACTIVE) and describe.
/// </summary>
internal sealed partial class EcsApi
{
    private static readonly string[] ReservedProviderPrefixes = ["aws", "ecs", "fargate"];

    private JsonObject CreateCapacityProvider(JsonObject request)
    {
        var name = Json.RequiredStr(request, "name");
        if (!ResourceName().IsMatch(name) || ReservedProviderPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            throw AwsErrorException.Client("The specified capacity provider name is invalid. Up to 255 characters are allowed, including letters (upper and lowercase), numbers, underscores, and hyphens. The name cannot be prefixed with \"aws\", \"ecs\", or \"fargate\".");
        }

        if (Json.Obj(request, "managedInstancesProvider") is not null)
        {
            throw new AwsErrorException("UnsupportedFeatureException", "The simulator supports only Auto Scaling group capacity providers.");
        }

        var group = Json.Obj(request, "autoScalingGroupProvider") ?? throw AwsErrorException.InvalidParameter("autoScalingGroupProvider can not be null.");
        var groupArn = Json.RequiredStr(group, "autoScalingGroupArn");
        if (_state.CapacityProviders.TryGetValue(name, out var existing) && existing.Status == "ACTIVE")
        {
            throw AwsErrorException.Client("The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.");
        }

        var arn = groupArn.StartsWith("arn:", StringComparison.Ordinal) ? groupArn : AutoScalingGroupArn(groupArn);
        if (_state.CapacityProviders.Values.Any(p => p.Status == "ACTIVE" && p.AutoScalingGroupArn == arn))
        {
            throw AwsErrorException.Client("The specified Auto Scaling group ARN is already being used by another capacity provider. Specify a unique Auto Scaling group ARN and try again.");
        }

        var provider = new SimCapacityProvider
        {
            Name = name,
            Arn = _state.Prefix("ecs") + "capacity-provider/" + name,
            AutoScalingGroupArn = arn,
            Tags = ReadTags(request),
        };
        ApplyGroupSettings(provider, group);
        _state.CapacityProviders[name] = provider;
        return new JsonObject { ["capacityProvider"] = RenderCapacityProvider(provider, tags: true) };
    }

    private JsonObject UpdateCapacityProvider(JsonObject request)
    {
        var provider = ActiveProvider(Json.RequiredStr(request, "name"));
        if (Json.Obj(request, "autoScalingGroupProvider") is { } group)
        {
            ApplyGroupSettings(provider, group);
        }

        provider.UpdateStatus = "UPDATE_COMPLETE";
        provider.UpdateStatusReason = null;
        return new JsonObject { ["capacityProvider"] = RenderCapacityProvider(provider, tags: false) };
    }

    private JsonObject DeleteCapacityProvider(JsonObject request)
    {
        var provider = ActiveProvider(Json.RequiredStr(request, "capacityProvider"));
        // ECS does not refuse the call: it records why it cannot delete a provider a cluster still uses.
        var cluster = _state.Clusters.Values.FirstOrDefault(c => c.Status == "ACTIVE" && c.CapacityProviders.Contains(provider.Name));
        if (cluster is not null)
        {
            provider.UpdateStatus = "DELETE_FAILED";
            provider.UpdateStatusReason = $"The capacity provider cannot be deleted because it is associated with cluster: {cluster.Name}. Remove the capacity provider from the cluster and try again.";
            return new JsonObject { ["capacityProvider"] = RenderCapacityProvider(provider, tags: false) };
        }

        provider.UpdateStatus = "DELETE_IN_PROGRESS";
        provider.UpdateStatusReason = null;
        provider.DeletedAt = Now;
        return new JsonObject { ["capacityProvider"] = RenderCapacityProvider(provider, tags: false) };
    }

    private JsonObject DescribeCapacityProviders(JsonObject request)
    {
        var names = Json.Strings(request, "capacityProviders");
        if (names.Count > 100)
        {
            throw AwsErrorException.InvalidParameter("capacityProviders can have at most 100 items.");
        }

        var tags = Includes(request).Contains("TAGS");
        var found = new JsonArray();
        var failures = new JsonArray();
        if (names.Count == 0)
        {
            foreach (var name in new[] { "FARGATE", "FARGATE_SPOT" })
            {
                found.Add(RenderFargate(name));
            }

            foreach (var provider in _state.CapacityProviders.Values.Where(p => p.Status == "ACTIVE"))
            {
                found.Add(RenderCapacityProvider(provider, tags));
            }

            return new JsonObject { ["capacityProviders"] = found, ["failures"] = failures };
        }

        foreach (var reference in names)
        {
            var name = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference[(reference.LastIndexOf('/') + 1)..] : reference;
            if (name is "FARGATE" or "FARGATE_SPOT")
            {
                found.Add(RenderFargate(name));
            }
            else if (_state.CapacityProviders.TryGetValue(name, out var provider))
            {
                found.Add(RenderCapacityProvider(provider, tags));
            }
            else
            {
                failures.Add(new JsonObject { ["arn"] = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : _state.Prefix("ecs") + "capacity-provider/" + name, ["reason"] = "MISSING" });
            }
        }

        return new JsonObject { ["capacityProviders"] = found, ["failures"] = failures };
    }

    /// <summary>An ACTIVE provider by name or ARN (ECS: ClientException otherwise).</summary>
    private SimCapacityProvider ActiveProvider(string reference)
    {
        var name = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference[(reference.LastIndexOf('/') + 1)..] : reference;
        return _state.CapacityProviders.TryGetValue(name, out var provider) && provider.Status == "ACTIVE" && provider.UpdateStatus != "DELETE_IN_PROGRESS"
            ? provider
            : throw AwsErrorException.Client("The specified capacity provider does not exist. Specify a valid capacity provider and try again.");
    }

    /// <summary>Refuses any name a cluster may not associate: only FARGATE, FARGATE_SPOT and ACTIVE providers.</summary>
    private void RequireProvidersExist(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (name is not ("FARGATE" or "FARGATE_SPOT")
                && !(_state.CapacityProviders.TryGetValue(name, out var provider) && provider.Status == "ACTIVE" && provider.UpdateStatus != "DELETE_IN_PROGRESS"))
            {
                throw AwsErrorException.InvalidParameter($"The specified capacity provider '{name}' does not exist. Specify a valid capacity provider and try again.");
            }
        }
    }

    private static void ApplyGroupSettings(SimCapacityProvider provider, JsonObject group)
    {
        if (Json.Obj(group, "managedScaling") is { } scaling)
        {
            var status = Json.Str(scaling, "status") ?? provider.ManagedScalingStatus;
            var target = Json.Int(scaling, "targetCapacity") ?? provider.TargetCapacity;
            var min = Json.Int(scaling, "minimumScalingStepSize") ?? provider.MinimumScalingStepSize;
            var max = Json.Int(scaling, "maximumScalingStepSize") ?? provider.MaximumScalingStepSize;
            var warmup = Json.Int(scaling, "instanceWarmupPeriod") ?? provider.InstanceWarmupPeriod;
            if (status is not ("ENABLED" or "DISABLED") || target is < 1 or > 100 || min is < 1 or > 10000 || max is < 1 or > 10000 || warmup is < 0 or > 10000)
            {
                throw AwsErrorException.InvalidParameter("managedScaling: status must be ENABLED or DISABLED, targetCapacity 1-100, step sizes 1-10000 and instanceWarmupPeriod 0-10000.");
            }

            if (min > max)
            {
                throw AwsErrorException.InvalidParameter("The minimumScalingStepSize must be less than or equal to the maximumScalingStepSize.");
            }

            (provider.ManagedScalingStatus, provider.TargetCapacity, provider.MinimumScalingStepSize, provider.MaximumScalingStepSize, provider.InstanceWarmupPeriod) =
                (status, target, min, max, warmup);
        }

        provider.ManagedTerminationProtection = Json.Str(group, "managedTerminationProtection") ?? provider.ManagedTerminationProtection;
        provider.ManagedDraining = Json.Str(group, "managedDraining") ?? provider.ManagedDraining;
        if (provider.ManagedTerminationProtection == "ENABLED" && provider.ManagedScalingStatus != "ENABLED")
        {
            throw AwsErrorException.InvalidParameter("The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled and managed scaling must be enabled.");
        }
    }

    private string AutoScalingGroupArn(string name) =>
        _state.Prefix("autoscaling") + $"autoScalingGroup:00000000-0000-0000-0000-000000000000:autoScalingGroupName/{name}";

    private static JsonObject RenderFargate(string name) => new()
    {
        ["capacityProviderArn"] = $"arn:aws:ecs:::capacity-provider/{name}",
        ["name"] = name,
        ["status"] = "ACTIVE",
        ["type"] = name,
        ["tags"] = new JsonArray(),
    };

    private static JsonObject RenderCapacityProvider(SimCapacityProvider provider, bool tags)
    {
        var result = new JsonObject
        {
            ["capacityProviderArn"] = provider.Arn,
            ["name"] = provider.Name,
            ["status"] = provider.Status,
            ["type"] = "EC2_AUTOSCALING",
            ["autoScalingGroupProvider"] = new JsonObject
            {
                ["autoScalingGroupArn"] = provider.AutoScalingGroupArn,
                ["managedScaling"] = new JsonObject
                {
                    ["status"] = provider.ManagedScalingStatus,
                    ["targetCapacity"] = provider.TargetCapacity,
                    ["minimumScalingStepSize"] = provider.MinimumScalingStepSize,
                    ["maximumScalingStepSize"] = provider.MaximumScalingStepSize,
                    ["instanceWarmupPeriod"] = provider.InstanceWarmupPeriod,
                },
                ["managedTerminationProtection"] = provider.ManagedTerminationProtection,
                ["managedDraining"] = provider.ManagedDraining,
            },
        };
        if (provider.UpdateStatus is not null)
        {
            result["updateStatus"] = provider.UpdateStatus;
        }

        if (provider.UpdateStatusReason is not null)
        {
            result["updateStatusReason"] = provider.UpdateStatusReason;
        }

        if (tags)
        {
            result["tags"] = RenderTags(provider.Tags);
        }

        return result;
    }
}
