using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>Cluster operations.</summary>
internal sealed partial class EcsApi
{
    [GeneratedRegex("^[a-zA-Z0-9_-]{1,255}$")]
    private static partial Regex ResourceName();

    private JsonObject CreateCluster(JsonObject request)
    {
        var name = Json.Str(request, "clusterName") ?? "default";
        if (!ResourceName().IsMatch(name))
        {
            throw AwsErrorException.InvalidParameter("Cluster name can have up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.");
        }

        var strategy = Json.Arr(request, "defaultCapacityProviderStrategy");
        var providers = Json.Strings(request, "capacityProviders");
        ValidateStrategy(strategy, providers);
        RequireProvidersExist(providers);

        // CreateCluster is idempotent in ECS: an ACTIVE cluster of that name is returned unchanged.
        if (_state.Clusters.TryGetValue(name, out var existing) && existing.Status == "ACTIVE")
        {
            return new JsonObject { ["cluster"] = RenderCluster(existing, tags: true, settings: true, configurations: true) };
        }

        var cluster = new SimCluster
        {
            Name = name,
            Arn = _state.ClusterArn(name),
            Tags = ReadTags(request),
            Settings = Json.Clone(Json.Arr(request, "settings")) as JsonArray ?? [new JsonObject { ["name"] = "containerInsights", ["value"] = "disabled" }],
            Configuration = Json.Clone(Json.Obj(request, "configuration")) as JsonObject,
            CapacityProviders = providers,
            DefaultCapacityProviderStrategy = Json.Clone(strategy) as JsonArray ?? [],
            ServiceConnectDefaults = Json.Clone(Json.Obj(request, "serviceConnectDefaults")) as JsonObject,
        };
        _state.Clusters[name] = cluster;
        return new JsonObject { ["cluster"] = RenderCluster(cluster, tags: true, settings: true, configurations: true) };
    }

    private JsonObject DescribeClusters(JsonObject request)
    {
        var references = Json.Strings(request, "clusters");
        if (references.Count == 0)
        {
            references.Add("default");
        }

        if (references.Count > 100)
        {
            throw AwsErrorException.InvalidParameter("clusters can have at most 100 items.");
        }

        var include = Includes(request);
        var clusters = new JsonArray();
        var failures = new JsonArray();
        foreach (var reference in references)
        {
            var name = ClusterName(reference);
            if (_state.Clusters.TryGetValue(name, out var cluster))
            {
                clusters.Add(RenderCluster(cluster, include.Contains("TAGS"), include.Contains("SETTINGS"), include.Contains("CONFIGURATIONS")));
            }
            else
            {
                failures.Add(new JsonObject { ["arn"] = _state.ClusterArn(name), ["reason"] = "MISSING" });
            }
        }

        return new JsonObject { ["clusters"] = clusters, ["failures"] = failures };
    }

    private JsonObject ListClusters(JsonObject request)
    {
        var size = PageSize(request, 100, 100);
        var offset = Json.ReadToken(Json.Str(request, "nextToken"), "ListClusters");
        var arns = _state.Clusters.Values.Where(c => c.Status == "ACTIVE").Select(c => c.Arn).ToList();
        var response = new JsonObject();
        response["clusterArns"] = Json.StringArray(Json.Page(arns, offset, size, "ListClusters", response, "nextToken"));
        return response;
    }

    private JsonObject UpdateCluster(JsonObject request)
    {
        var cluster = ResolveCluster(Json.RequiredStr(request, "cluster"));
        if (Json.Arr(request, "settings") is { } settings)
        {
            MergeSettings(cluster, settings);
        }

        if (Json.Obj(request, "configuration") is { } configuration)
        {
            cluster.Configuration = (JsonObject)configuration.DeepClone();
        }

        if (Json.Obj(request, "serviceConnectDefaults") is { } defaults)
        {
            cluster.ServiceConnectDefaults = (JsonObject)defaults.DeepClone();
        }

        return new JsonObject { ["cluster"] = RenderCluster(cluster, tags: false, settings: true, configurations: true) };
    }

    private JsonObject UpdateClusterSettings(JsonObject request)
    {
        var cluster = ResolveCluster(Json.RequiredStr(request, "cluster"));
        MergeSettings(cluster, Json.Arr(request, "settings") ?? throw AwsErrorException.InvalidParameter("settings can not be null or empty."));
        return new JsonObject { ["cluster"] = RenderCluster(cluster, tags: false, settings: true, configurations: false) };
    }

    private static void MergeSettings(SimCluster cluster, JsonArray settings)
    {
        foreach (var setting in settings.OfType<JsonObject>())
        {
            var name = Json.Str(setting, "name");
            if (name != "containerInsights")
            {
                throw AwsErrorException.InvalidParameter($"Unsupported cluster setting name '{name}'.");
            }

            var value = Json.Str(setting, "value");
            if (value is not ("enabled" or "disabled" or "enhanced"))
            {
                throw AwsErrorException.InvalidParameter("containerInsights value must be one of [enabled, disabled, enhanced].");
            }

            var existing = cluster.Settings.OfType<JsonObject>().FirstOrDefault(s => Json.Str(s, "name") == name);
            if (existing is not null)
            {
                existing["value"] = value;
            }
            else
            {
                cluster.Settings.Add(setting.DeepClone());
            }
        }
    }

    private JsonObject DeleteCluster(JsonObject request)
    {
        var cluster = ResolveCluster(Json.RequiredStr(request, "cluster"));
        if (_state.Services.Values.Any(s => s.Cluster == cluster && s.Status is "ACTIVE" or "DRAINING"))
        {
            throw new AwsErrorException("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");
        }

        if (_state.Tasks.Values.Any(t => t.Cluster == cluster && t.IsLive))
        {
            throw new AwsErrorException("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");
        }

        if (cluster.ContainerInstances.Count > 0)
        {
            throw new AwsErrorException("ClusterContainsContainerInstancesException", "The Cluster cannot be deleted while Container Instances are active or draining.");
        }

        cluster.Status = "INACTIVE";
        return new JsonObject { ["cluster"] = RenderCluster(cluster, tags: false, settings: true, configurations: true) };
    }

    private JsonObject PutClusterCapacityProviders(JsonObject request)
    {
        var cluster = ResolveCluster(Json.RequiredStr(request, "cluster"));
        if (Json.Arr(request, "capacityProviders") is null || Json.Arr(request, "defaultCapacityProviderStrategy") is null)
        {
            throw AwsErrorException.InvalidParameter("capacityProviders and defaultCapacityProviderStrategy are required.");
        }

        var providers = Json.Strings(request, "capacityProviders");
        var strategy = Json.Arr(request, "defaultCapacityProviderStrategy")!;
        ValidateStrategy(strategy, providers);
        RequireProvidersExist(providers);
        var removed = cluster.CapacityProviders.Except(providers).ToList();
        var inUse = removed.FirstOrDefault(p => _state.Services.Values.Any(s => s.Cluster == cluster && s.Status != "INACTIVE"
            && (s.Revision.CapacityProviderStrategy ?? []).OfType<JsonObject>().Any(i => Json.Str(i, "capacityProvider") == p)));
        if (inUse is not null)
        {
            throw new AwsErrorException("ResourceInUseException", $"The specified capacity provider '{inUse}' is in use and cannot be removed.");
        }

        cluster.CapacityProviders = providers;
        cluster.DefaultCapacityProviderStrategy = (JsonArray)strategy.DeepClone();
        return new JsonObject { ["cluster"] = RenderCluster(cluster, tags: false, settings: true, configurations: true) };
    }

    private static void ValidateStrategy(JsonArray? strategy, List<string>? allowedProviders)
    {
        if (strategy is null)
        {
            return;
        }

        foreach (var item in strategy)
        {
            if (item is not JsonObject entry || string.IsNullOrEmpty(Json.Str(entry, "capacityProvider")))
            {
                throw AwsErrorException.InvalidParameter("capacityProvider can not be null or empty.");
            }

            var provider = Json.Str(entry, "capacityProvider")!;
            if (allowedProviders is not null && !allowedProviders.Contains(provider))
            {
                throw AwsErrorException.InvalidParameter($"The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.");
            }

            if (Json.Int(entry, "weight") is < 0 or > 1000 || Json.Int(entry, "base") is < 0 or > 100000)
            {
                throw AwsErrorException.InvalidParameter("Capacity provider strategy weight must be 0-1000 and base 0-100000.");
            }
        }
    }

    private JsonObject RenderCluster(SimCluster cluster, bool tags, bool settings, bool configurations)
    {
        var tasks = _state.Tasks.Values.Where(t => t.Cluster == cluster).ToList();
        var result = new JsonObject
        {
            ["clusterArn"] = cluster.Arn,
            ["clusterName"] = cluster.Name,
            ["status"] = cluster.Status,
            ["registeredContainerInstancesCount"] = cluster.ContainerInstances.Count,
            ["runningTasksCount"] = tasks.Count(t => t.LastStatus == "RUNNING"),
            ["pendingTasksCount"] = tasks.Count(t => t.LastStatus is "PROVISIONING" or "PENDING" or "ACTIVATING"),
            ["activeServicesCount"] = _state.Services.Values.Count(s => s.Cluster == cluster && s.Status == "ACTIVE"),
            ["statistics"] = new JsonArray(),
            ["capacityProviders"] = Json.StringArray(cluster.CapacityProviders),
            ["defaultCapacityProviderStrategy"] = cluster.DefaultCapacityProviderStrategy.DeepClone(),
        };
        if (tags)
        {
            result["tags"] = RenderTags(cluster.Tags);
        }

        if (settings)
        {
            result["settings"] = cluster.Settings.DeepClone();
        }

        if (configurations && cluster.Configuration is not null)
        {
            result["configuration"] = cluster.Configuration.DeepClone();
        }

        if (cluster.ServiceConnectDefaults is not null)
        {
            result["serviceConnectDefaults"] = cluster.ServiceConnectDefaults.DeepClone();
        }

        return result;
    }
}
