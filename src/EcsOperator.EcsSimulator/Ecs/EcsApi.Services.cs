using System.Text.Json.Nodes;
using EcsOperator.Simulator.Model;
using EcsOperator.Simulator.Protocol;

namespace EcsOperator.Simulator.Ecs;

/// <summary>Service operations.</summary>
internal sealed partial class EcsApi
{
    private JsonObject CreateService(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var name = Json.RequiredStr(request, "serviceName");
        if (!ResourceName().IsMatch(name))
        {
            throw AwsErrorException.InvalidParameter("Service name can have up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.");
        }

        var clientToken = Json.Str(request, "clientToken");
        if (clientToken is not null && (clientToken.Length > 36 || clientToken.Any(c => c < 33 || c > 126)))
        {
            throw AwsErrorException.InvalidParameter("clientToken must be up to 36 ASCII characters in the range of 33-126.");
        }

        var key = SimulatorState.ServiceKey(cluster.Name, name);
        if (clientToken is not null)
        {
            if (_state.ServicesByClientToken.TryGetValue(clientToken, out var sameToken) && sameToken.Status != "INACTIVE")
            {
                // A retried create with the same token and the same parameters gets the service it created.
                if (sameToken.Name == name && sameToken.Cluster == cluster && Json.SameJson(sameToken.CreateRequest, request))
                {
                    return new JsonObject { ["service"] = RenderService(sameToken, tags: true) };
                }

                throw AwsErrorException.InvalidParameter("Creation of service was not idempotent.");
            }
        }

        if (_state.Services.TryGetValue(key, out var existing))
        {
            if (existing.Status == "ACTIVE")
            {
                throw AwsErrorException.InvalidParameter("Creation of service was not idempotent.");
            }

            if (existing.Status == "DRAINING")
            {
                throw AwsErrorException.InvalidParameter("Unable to Start a service that is still Draining.");
            }
        }

        var scheduling = Json.Str(request, "schedulingStrategy") ?? "REPLICA";
        if (scheduling is not ("REPLICA" or "DAEMON"))
        {
            throw AwsErrorException.InvalidParameter("schedulingStrategy must be one of [REPLICA, DAEMON].");
        }

        // A daemon's desired count is the number of instances it covers, set by the scheduler, never by the caller.
        var daemon = scheduling == "DAEMON";
        if (daemon && Json.Arr(request, "placementStrategy") is { Count: > 0 })
        {
            throw AwsErrorException.InvalidParameter("Placement strategies are not supported with the DAEMON scheduling strategy.");
        }

        var desired = daemon ? 0 : Json.Int(request, "desiredCount")
            ?? throw AwsErrorException.InvalidParameter("desiredCount is required when schedulingStrategy is REPLICA.");
        if (desired < 0)
        {
            throw AwsErrorException.InvalidParameter("desiredCount must be at least 0.");
        }

        var controller = Json.Obj(request, "deploymentController");
        // CODE_DEPLOY services start like ECS ones here (the initial revision runs); what they refuse is UpdateService.
        if (controller is not null && Json.Str(controller, "type") is { } type && type is not ("ECS" or "CODE_DEPLOY"))
        {
            throw AwsErrorException.InvalidParameter($"The simulator supports only the ECS and CODE_DEPLOY deployment controllers, not {type}.");
        }

        var taskDefinitionReference = Json.Str(request, "taskDefinition")
            ?? throw AwsErrorException.InvalidParameter("TaskDefinition can not be blank.");
        var td = ResolveActiveTaskDefinition(taskDefinitionReference);

        var launchType = Json.Str(request, "launchType");
        var strategy = Json.Arr(request, "capacityProviderStrategy");
        if (launchType is not null && strategy is { Count: > 0 })
        {
            throw AwsErrorException.InvalidParameter("Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
        }

        if (launchType is null && strategy is null or { Count: 0 })
        {
            if (cluster.DefaultCapacityProviderStrategy.Count > 0)
            {
                strategy = cluster.DefaultCapacityProviderStrategy;
            }
            else
            {
                launchType = "EC2";
            }
        }

        if (daemon && (launchType == "FARGATE" || (strategy ?? []).OfType<JsonObject>().Any(i => Json.Str(i, "capacityProvider") is "FARGATE" or "FARGATE_SPOT")))
        {
            throw AwsErrorException.InvalidParameter("Tasks using the Fargate launch type do not support the DAEMON scheduling strategy.");
        }

        var deploymentConfiguration = MergeDeploymentConfiguration(
            daemon ? DaemonDeploymentConfiguration() : DefaultDeploymentConfiguration(), Json.Obj(request, "deploymentConfiguration"));
        var revision = BuildRevision(
            cluster,
            name,
            td,
            launchType,
            strategy is { Count: > 0 } ? strategy : null,
            Json.Str(request, "platformVersion"),
            Json.Obj(request, "networkConfiguration"),
            Json.Arr(request, "loadBalancers"),
            Json.Arr(request, "serviceRegistries"),
            Json.Arr(request, "placementConstraints"),
            Json.Arr(request, "placementStrategy"),
            Json.Obj(request, "serviceConnectConfiguration"),
            Json.Arr(request, "volumeConfigurations"),
            Json.Arr(request, "vpcLatticeConfigurations"),
            _state.Digits(19));
        ValidateTrafficShiftResources(deploymentConfiguration, revision);

        var service = new SimService
        {
            Name = name,
            Arn = _state.ServiceArn(cluster.Name, name),
            Cluster = cluster,
            DesiredCount = desired,
            Revision = revision,
            DeploymentConfiguration = deploymentConfiguration,
            DeploymentController = (JsonObject?)controller?.DeepClone() ?? new JsonObject { ["type"] = "ECS" },
            SchedulingStrategy = scheduling,
            HealthCheckGracePeriodSeconds = Json.Int(request, "healthCheckGracePeriodSeconds"),
            Role = Json.Str(request, "role"),
            EnableEcsManagedTags = Json.Bool(request, "enableECSManagedTags") ?? false,
            PropagateTags = Json.Str(request, "propagateTags") ?? "NONE",
            EnableExecuteCommand = Json.Bool(request, "enableExecuteCommand") ?? false,
            AvailabilityZoneRebalancing = Json.Str(request, "availabilityZoneRebalancing"),
            Tags = ReadTags(request),
            CreatedAt = Now,
            CreatedBy = _state.RoleRootArn,
            ClientToken = clientToken,
            CreateRequest = (JsonObject)request.DeepClone(),
        };
        _state.Services[key] = service;
        if (daemon)
        {
            service.DesiredCount = _scheduler.DaemonInstances(service).Count;
        }
        if (clientToken is not null)
        {
            _state.ServicesByClientToken[clientToken] = service;
        }
        _scheduler.StartDeployment(service, revision, RevisionDigits(revision));
        return new JsonObject { ["service"] = RenderService(service, tags: true) };
    }

    private SimTaskDefinition ResolveActiveTaskDefinition(string reference)
    {
        var td = FindTaskDefinition(reference) ?? throw AwsErrorException.Client("TaskDefinition not found.");
        if (td.Status != "ACTIVE")
        {
            throw AwsErrorException.Client("TaskDefinition is inactive");
        }

        return td;
    }

    private static string RevisionDigits(SimServiceRevision revision) => revision.Arn[(revision.Arn.LastIndexOf('/') + 1)..];

    private static JsonObject DefaultDeploymentConfiguration() => new()
    {
        ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = false, ["rollback"] = false },
        ["maximumPercent"] = 200,
        ["minimumHealthyPercent"] = 100,
    };

    /// <summary>A daemon's defaults per the ECS API reference: minimumHealthyPercent 0, maximumPercent 100.</summary>
    private static JsonObject DaemonDeploymentConfiguration() => new()
    {
        ["deploymentCircuitBreaker"] = new JsonObject { ["enable"] = false, ["rollback"] = false },
        ["maximumPercent"] = 100,
        ["minimumHealthyPercent"] = 0,
    };

    private static JsonObject MergeDeploymentConfiguration(JsonObject current, JsonObject? update)
    {
        var result = (JsonObject)current.DeepClone();
        if (update is not null)
        {
            foreach (var (member, value) in update)
            {
                result[member] = value?.DeepClone();
            }
        }

        var min = Json.Int(result, "minimumHealthyPercent");
        var max = Json.Int(result, "maximumPercent");
        if (min is < 0 or > 100)
        {
            throw AwsErrorException.InvalidParameter("minimumHealthyPercent must be between 0 and 100.");
        }

        if (max is < 0 || max < min)
        {
            throw AwsErrorException.InvalidParameter("maximumPercent must be greater than or equal to minimumHealthyPercent.");
        }

        if (Json.Obj(result, "deploymentCircuitBreaker") is { } breaker && (Json.Bool(breaker, "enable") is null || Json.Bool(breaker, "rollback") is null))
        {
            throw AwsErrorException.InvalidParameter("deploymentCircuitBreaker requires both enable and rollback.");
        }

        ValidateDeploymentStrategy(result);
        return result;
    }

    private SimServiceRevision BuildRevision(
        SimCluster cluster,
        string serviceName,
        SimTaskDefinition td,
        string? launchType,
        JsonArray? strategy,
        string? platformVersion,
        JsonObject? networkConfiguration,
        JsonArray? loadBalancers,
        JsonArray? serviceRegistries,
        JsonArray? placementConstraints,
        JsonArray? placementStrategy,
        JsonObject? serviceConnect,
        JsonArray? volumeConfigurations,
        JsonArray? vpcLattice,
        string digits)
    {
        ValidatePlacement(placementConstraints, placementStrategy, td);
        if (launchType is not (null or "EC2" or "FARGATE" or "EXTERNAL" or "MANAGED_INSTANCES"))
        {
            throw AwsErrorException.InvalidParameter($"launchType must be one of [EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES].");
        }

        ValidateStrategy(strategy, null);
        var providers = (strategy ?? []).OfType<JsonObject>().Select(i => Json.Str(i, "capacityProvider")!).ToList();
        foreach (var provider in providers.Where(p => p is not ("FARGATE" or "FARGATE_SPOT")))
        {
            if (!cluster.CapacityProviders.Contains(provider))
            {
                throw AwsErrorException.InvalidParameter($"The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.");
            }
        }

        var fargate = launchType == "FARGATE" || providers.Any(p => p is "FARGATE" or "FARGATE_SPOT");
        if (fargate && td.NetworkMode != "awsvpc")
        {
            throw AwsErrorException.InvalidParameter("Task definition does not support launch_type FARGATE.");
        }

        JsonObject? network = null;
        if (td.NetworkMode == "awsvpc")
        {
            network = NormalizeNetworkConfiguration(networkConfiguration
                ?? throw AwsErrorException.InvalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified."));
        }
        else if (networkConfiguration is not null)
        {
            throw AwsErrorException.InvalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
        }

        return new SimServiceRevision
        {
            Arn = _state.Prefix("ecs") + $"service-revision/{cluster.Name}/{serviceName}/{digits}",
            TaskDefinition = td,
            LaunchType = launchType,
            CapacityProviderStrategy = (JsonArray?)strategy?.DeepClone(),
            PlatformVersion = fargate ? platformVersion ?? "LATEST" : platformVersion,
            PlatformFamily = fargate ? "Linux" : null,
            NetworkConfiguration = network,
            LoadBalancers = (JsonArray?)loadBalancers?.DeepClone() ?? [],
            ServiceRegistries = (JsonArray?)serviceRegistries?.DeepClone() ?? [],
            PlacementConstraints = (JsonArray?)placementConstraints?.DeepClone() ?? [],
            PlacementStrategy = (JsonArray?)placementStrategy?.DeepClone() ?? [],
            ServiceConnectConfiguration = (JsonObject?)serviceConnect?.DeepClone(),
            VolumeConfigurations = (JsonArray?)volumeConfigurations?.DeepClone(),
            VpcLatticeConfigurations = (JsonArray?)vpcLattice?.DeepClone(),
            CreatedAt = Now,
        };
    }

    internal static JsonObject NormalizeNetworkConfiguration(JsonObject networkConfiguration)
    {
        var result = (JsonObject)networkConfiguration.DeepClone();
        var awsvpc = Json.Obj(result, "awsvpcConfiguration")
            ?? throw AwsErrorException.InvalidParameter("Network Configuration must contain awsvpcConfiguration.");
        if (Json.Strings(awsvpc, "subnets").Count == 0)
        {
            throw AwsErrorException.InvalidParameter("subnets can not be empty.");
        }

        awsvpc["assignPublicIp"] ??= "DISABLED";
        return result;
    }

    private JsonObject DescribeServices(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var references = Json.Strings(request, "services");
        if (references.Count == 0)
        {
            throw AwsErrorException.InvalidParameter("Services cannot be empty.");
        }

        if (references.Count > 10)
        {
            throw AwsErrorException.InvalidParameter("services can have at most 10 items.");
        }

        var tags = Includes(request).Contains("TAGS");
        var services = new JsonArray();
        var failures = new JsonArray();
        foreach (var reference in references)
        {
            var service = FindService(cluster, reference);
            if (service is null)
            {
                var arn = reference.StartsWith("arn:", StringComparison.Ordinal) ? reference : _state.ServiceArn(cluster.Name, reference);
                failures.Add(new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" });
            }
            else
            {
                services.Add(RenderService(service, tags));
            }
        }

        return new JsonObject { ["services"] = services, ["failures"] = failures };
    }

    /// <summary>
    /// Under CODE_DEPLOY, UpdateService changes only desired count, deployment configuration, health check grace
    /// period, placement constraints and strategy, ECS managed tags and propagate tags (API reference, UpdateService).
    /// </summary>
    private static void RefuseUnderCodeDeploy(SimService service, JsonObject request)
    {
        if (Json.Str(service.DeploymentController, "type") != "CODE_DEPLOY")
        {
            return;
        }

        if (request.ContainsKey("taskDefinition"))
        {
            throw AwsErrorException.InvalidParameter("Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.");
        }

        string[] allowed = ["cluster", "service", "desiredCount", "deploymentConfiguration", "healthCheckGracePeriodSeconds", "placementConstraints", "placementStrategy", "enableECSManagedTags", "propagateTags"];
        if (request.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is { } refused)
        {
            throw AwsErrorException.InvalidParameter($"Unable to update {refused} on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.");
        }
    }

    private JsonObject UpdateService(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var service = FindService(cluster, Json.RequiredStr(request, "service")) ?? throw AwsErrorException.ServiceNotFound();
        if (service.Status != "ACTIVE")
        {
            throw new AwsErrorException("ServiceNotActiveException", "Service was not ACTIVE.");
        }

        RefuseUnderCodeDeploy(service, request);
        var current = service.Revision;
        var td = Json.Str(request, "taskDefinition") is { } reference ? ResolveActiveTaskDefinition(reference) : current.TaskDefinition;
        var strategy = Json.Arr(request, "capacityProviderStrategy") is { } s ? (s.Count > 0 ? s : null) : current.CapacityProviderStrategy;
        var launchType = Json.Arr(request, "capacityProviderStrategy") is { Count: > 0 } ? null : current.LaunchType;
        if (launchType is null && strategy is null)
        {
            launchType = "EC2";
        }

        var network = request.ContainsKey("networkConfiguration") ? Json.Obj(request, "networkConfiguration") : current.NetworkConfiguration;
        if (network is null && current.NetworkConfiguration is not null && td.NetworkMode == "awsvpc")
        {
            network = current.NetworkConfiguration;
        }

        var platformVersion = Json.Str(request, "platformVersion") ?? current.PlatformVersion;
        var deploymentConfiguration = MergeDeploymentConfiguration(service.DeploymentConfiguration, Json.Obj(request, "deploymentConfiguration"));
        var candidate = BuildRevision(
            cluster,
            service.Name,
            td,
            launchType,
            strategy,
            platformVersion,
            request.ContainsKey("networkConfiguration") || td.NetworkMode == "awsvpc" ? network : null,
            Json.Arr(request, "loadBalancers") ?? current.LoadBalancers,
            Json.Arr(request, "serviceRegistries") ?? current.ServiceRegistries,
            Json.Arr(request, "placementConstraints") ?? current.PlacementConstraints,
            Json.Arr(request, "placementStrategy") ?? current.PlacementStrategy,
            Json.Obj(request, "serviceConnectConfiguration") ?? current.ServiceConnectConfiguration,
            Json.Arr(request, "volumeConfigurations") ?? current.VolumeConfigurations,
            Json.Arr(request, "vpcLatticeConfigurations") ?? current.VpcLatticeConfigurations,
            _state.Digits(19));
        ValidateTrafficShiftResources(deploymentConfiguration, candidate);

        var desired = Json.Int(request, "desiredCount");
        if (desired is < 0)
        {
            throw AwsErrorException.InvalidParameter("desiredCount must be at least 0.");
        }

        if (service.SchedulingStrategy == "DAEMON" && Json.Arr(request, "placementStrategy") is { Count: > 0 })
        {
            throw AwsErrorException.InvalidParameter("Placement strategies are not supported with the DAEMON scheduling strategy.");
        }

        // Everything validated: apply in-place settings, then start a deployment if the revision changed.
        service.DeploymentConfiguration = deploymentConfiguration;
        // A daemon's desired count follows its instances; a requested one is ignored.
        if (desired is { } d && d != service.DesiredCount && service.SchedulingStrategy != "DAEMON")
        {
            service.DesiredCount = d;
            service.SteadyStateReported = false;
        }

        if (Json.Int(request, "healthCheckGracePeriodSeconds") is { } grace)
        {
            service.HealthCheckGracePeriodSeconds = grace;
        }

        service.EnableExecuteCommand = Json.Bool(request, "enableExecuteCommand") ?? service.EnableExecuteCommand;
        service.EnableEcsManagedTags = Json.Bool(request, "enableECSManagedTags") ?? service.EnableEcsManagedTags;
        service.PropagateTags = Json.Str(request, "propagateTags") ?? service.PropagateTags;
        service.AvailabilityZoneRebalancing = Json.Str(request, "availabilityZoneRebalancing") ?? service.AvailabilityZoneRebalancing;

        var force = Json.Bool(request, "forceNewDeployment") ?? false;
        if (force || RevisionChanged(current, candidate))
        {
            _scheduler.StartDeployment(service, candidate, RevisionDigits(candidate));
        }
        else if (service.Primary is { } primary)
        {
            primary.DesiredCount = service.DesiredCount;
            primary.UpdatedAt = Now;
        }

        return new JsonObject { ["service"] = RenderService(service, tags: false) };
    }

    internal static bool RevisionChanged(SimServiceRevision a, SimServiceRevision b) =>
        a.TaskDefinition != b.TaskDefinition
        || a.LaunchType != b.LaunchType
        || !Json.SameJson(a.CapacityProviderStrategy, b.CapacityProviderStrategy)
        || a.PlatformVersion != b.PlatformVersion
        || !Json.SameJson(a.NetworkConfiguration, b.NetworkConfiguration)
        || !Json.SameJson(a.LoadBalancers, b.LoadBalancers)
        || !Json.SameJson(a.ServiceRegistries, b.ServiceRegistries)
        || !Json.SameJson(a.PlacementConstraints, b.PlacementConstraints)
        || !Json.SameJson(a.PlacementStrategy, b.PlacementStrategy)
        || !Json.SameJson(a.ServiceConnectConfiguration, b.ServiceConnectConfiguration)
        || !Json.SameJson(a.VolumeConfigurations, b.VolumeConfigurations)
        || !Json.SameJson(a.VpcLatticeConfigurations, b.VpcLatticeConfigurations);

    private JsonObject DeleteService(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var service = FindService(cluster, Json.RequiredStr(request, "service")) ?? throw AwsErrorException.ServiceNotFound();
        if (service.Status != "ACTIVE")
        {
            throw new AwsErrorException("ServiceNotActiveException", "Service was not ACTIVE.");
        }

        var force = Json.Bool(request, "force") ?? false;
        if (!force && service.DesiredCount > 0)
        {
            throw AwsErrorException.InvalidParameter("The service cannot be stopped while it is scaled above 0.");
        }

        service.Status = "DRAINING";
        service.DesiredCount = 0;
        foreach (var deployment in service.Deployments)
        {
            deployment.DesiredCount = 0;
        }

        return new JsonObject { ["service"] = RenderService(service, tags: false) };
    }

    private JsonObject ListServices(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var launchType = Json.Str(request, "launchType");
        var scheduling = Json.Str(request, "schedulingStrategy");
        var size = PageSize(request, 10, 100);
        var scope = $"ListServices:{cluster.Name}:{launchType}:{scheduling}";
        var offset = Json.ReadToken(Json.Str(request, "nextToken"), scope);
        var arns = _state.Services.Values
            .Where(s => s.Cluster == cluster && s.Status != "INACTIVE")
            .Where(s => launchType is null || s.Revision.LaunchType == launchType)
            .Where(s => scheduling is null || s.SchedulingStrategy == scheduling)
            .Select(s => s.Arn)
            .ToList();
        var response = new JsonObject();
        response["serviceArns"] = Json.StringArray(Json.Page(arns, offset, size, scope, response, "nextToken"));
        return response;
    }

    private JsonObject ListServiceDeployments(JsonObject request)
    {
        var cluster = ResolveCluster(Json.Str(request, "cluster"));
        var service = FindService(cluster, Json.RequiredStr(request, "service")) ?? throw AwsErrorException.ServiceNotFound();
        var statuses = Json.Strings(request, "status");
        var createdAt = Json.Obj(request, "createdAt");
        var before = createdAt is null ? null : Json.ReadEpoch(createdAt, "before");
        var after = createdAt is null ? null : Json.ReadEpoch(createdAt, "after");
        var size = PageSize(request, 20, 100);
        var scope = $"ListServiceDeployments:{service.Arn}";
        var offset = Json.ReadToken(Json.Str(request, "nextToken"), scope);
        var matching = service.ServiceDeployments
            .AsEnumerable()
            .Reverse()
            .Where(sd => statuses.Count == 0 || statuses.Contains(sd.Status))
            .Where(sd => before is null || sd.CreatedAt < before)
            .Where(sd => after is null || sd.CreatedAt > after)
            .ToList();
        var response = new JsonObject();
        var page = Json.Page(matching, offset, size, scope, response, "nextToken");
        response["serviceDeployments"] = new JsonArray([.. page.Select(sd => (JsonNode?)RenderServiceDeploymentBrief(sd))]);
        return response;
    }

    private JsonObject DescribeServiceDeployments(JsonObject request)
    {
        var arns = Json.Strings(request, "serviceDeploymentArns");
        if (arns.Count == 0)
        {
            throw AwsErrorException.InvalidParameter("serviceDeploymentArns can not be null or empty.");
        }

        if (arns.Count > 20)
        {
            throw AwsErrorException.InvalidParameter("serviceDeploymentArns can have at most 20 items.");
        }

        var found = new JsonArray();
        var failures = new JsonArray();
        foreach (var arn in arns)
        {
            // The ARN names its cluster and service, so only that service's deployments are searched.
            var owner = ServiceNamedIn(arn, ":service-deployment/");
            if (owner?.ServiceDeployments.FirstOrDefault(x => x.Arn == arn) is { } sd)
            {
                found.Add(RenderServiceDeployment(sd));
            }
            else
            {
                failures.Add(new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" });
            }
        }

        return new JsonObject { ["serviceDeployments"] = found, ["failures"] = failures };
    }

    private JsonObject DescribeServiceRevisions(JsonObject request)
    {
        var arns = Json.Strings(request, "serviceRevisionArns");
        if (arns.Count == 0)
        {
            throw AwsErrorException.InvalidParameter("serviceRevisionArns can not be null or empty.");
        }

        if (arns.Count > 20)
        {
            throw AwsErrorException.InvalidParameter("serviceRevisionArns can have at most 20 items.");
        }

        var known = new Dictionary<string, (SimService Service, SimServiceRevision Revision)>(StringComparer.Ordinal);
        foreach (var service in arns.Select(arn => ServiceNamedIn(arn, ":service-revision/")).OfType<SimService>().Distinct())
        {
            var revisions = service.ServiceDeployments
                .SelectMany(sd => sd.Sources.Select(x => x.Revision).Append(sd.Target).Append(sd.RollbackRevision))
                .Concat(service.Deployments.Select(d => d.Revision))
                .OfType<SimServiceRevision>();
            foreach (var revision in revisions)
            {
                known[revision.Arn] = (service, revision);
            }
        }

        var found = new JsonArray();
        var failures = new JsonArray();
        foreach (var arn in arns)
        {
            if (!known.TryGetValue(arn, out var entry))
            {
                failures.Add(new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" });
                continue;
            }

            var (service, revision) = entry;
            var result = new JsonObject
            {
                ["serviceRevisionArn"] = revision.Arn,
                ["serviceArn"] = service.Arn,
                ["clusterArn"] = service.Cluster.Arn,
                ["taskDefinition"] = revision.TaskDefinition.Arn,
            };
            AddLaunch(result, revision);
            result["loadBalancers"] = revision.LoadBalancers.DeepClone();
            result["serviceRegistries"] = revision.ServiceRegistries.DeepClone();
            if (revision.NetworkConfiguration is not null)
            {
                result["networkConfiguration"] = revision.NetworkConfiguration.DeepClone();
            }

            result["containerImages"] = new JsonArray([.. revision.TaskDefinition.Containers.Select(c => (JsonNode?)new JsonObject
            {
                ["containerName"] = Json.Str(c, "name"),
                ["imageDigest"] = "sha256:" + new string('0', 64),
                ["image"] = Json.Str(c, "image"),
            })]);
            result["guardDutyEnabled"] = false;
            if (revision.ServiceConnectConfiguration is not null)
            {
                result["serviceConnectConfiguration"] = revision.ServiceConnectConfiguration.DeepClone();
            }

            if (revision.VolumeConfigurations is not null)
            {
                result["volumeConfigurations"] = revision.VolumeConfigurations.DeepClone();
            }

            if (revision.VpcLatticeConfigurations is not null)
            {
                result["vpcLatticeConfigurations"] = revision.VpcLatticeConfigurations.DeepClone();
            }

            result["createdAt"] = Json.Epoch(revision.CreatedAt);
            found.Add(result);
        }

        return new JsonObject { ["serviceRevisions"] = found, ["failures"] = failures };
    }

    /// <summary>The service a <c>…/cluster/service/id</c> ARN of the given kind belongs to, or null.</summary>
    private SimService? ServiceNamedIn(string arn, string kind)
    {
        var index = arn.IndexOf(kind, StringComparison.Ordinal);
        if (index < 0)
        {
            return null;
        }

        var path = arn[(index + kind.Length)..].Split('/');
        return path.Length == 3 ? _state.Services.GetValueOrDefault(SimulatorState.ServiceKey(path[0], path[1])) : null;
    }

    private JsonObject RenderServiceDeploymentBrief(SimServiceDeployment sd)
    {
        var result = new JsonObject
        {
            ["serviceDeploymentArn"] = sd.Arn,
            ["serviceArn"] = sd.Service.Arn,
            ["clusterArn"] = sd.Service.Cluster.Arn,
            ["createdAt"] = Json.Epoch(sd.CreatedAt),
            ["targetServiceRevisionArn"] = sd.Target.Arn,
            ["status"] = sd.Status,
        };
        if (sd.StartedAt is { } started)
        {
            result["startedAt"] = Json.Epoch(started);
        }

        if (sd.FinishedAt is { } finished)
        {
            result["finishedAt"] = Json.Epoch(finished);
        }

        if (sd.StatusReason is not null)
        {
            result["statusReason"] = sd.StatusReason;
        }

        return result;
    }

    private JsonObject RenderServiceDeployment(SimServiceDeployment sd)
    {
        var service = sd.Service;
        var target = service.Deployments.FirstOrDefault(d => d.ServiceDeployment == sd && d.Revision == sd.Target);
        var (running, pending) = target is null ? (0, 0) : Scheduler.Counts(service, target);
        var result = RenderServiceDeploymentBrief(sd);
        result.Remove("targetServiceRevisionArn");
        result["updatedAt"] = Json.Epoch(sd.UpdatedAt);
        if (sd.StoppedAt is { } stopped)
        {
            result["stoppedAt"] = Json.Epoch(stopped);
        }

        // Traffic weights exist only where traffic shifts: the target holds the shifted share, blue the rest.
        var shifts = Scheduler.ShiftsTraffic(sd.Strategy) && sd.Blue is not null;
        result["sourceServiceRevisions"] = new JsonArray([.. sd.Sources.Select(s =>
        {
            var source = new JsonObject
            {
                ["arn"] = s.Revision.Arn,
                ["requestedTaskCount"] = s.Requested,
                ["runningTaskCount"] = s.Running,
                ["pendingTaskCount"] = s.Pending,
            };
            if (shifts && s.Revision == sd.Blue!.Revision)
            {
                source["requestedProductionTrafficWeight"] = 100 - sd.ProductionTrafficPercent;
                source["requestedTestTrafficWeight"] = 100 - sd.TestTrafficPercent;
            }

            return (JsonNode?)source;
        })]);
        result["targetServiceRevision"] = new JsonObject
        {
            ["arn"] = sd.Target.Arn,
            ["requestedTaskCount"] = target is null ? 0 : service.DesiredCount,
            ["runningTaskCount"] = running,
            ["pendingTaskCount"] = pending,
        };
        if (shifts)
        {
            result["targetServiceRevision"]!["requestedProductionTrafficWeight"] = sd.ProductionTrafficPercent;
            result["targetServiceRevision"]!["requestedTestTrafficWeight"] = sd.TestTrafficPercent;
        }

        if (sd.HookRuns.Count > 0)
        {
            result["lifecycleHookDetails"] = new JsonArray([.. sd.HookRuns.Select((h, i) => (JsonNode?)new JsonObject
            {
                ["hookId"] = $"{ShortHookId(sd)}-{i + 1}",
                ["targetType"] = "AWS_LAMBDA",
                ["targetArn"] = h.HookTargetArn,
                ["status"] = h.Status,
            })]);
        }

        result["lifecycleStage"] = sd.LifecycleStage;
        result["deploymentConfiguration"] = sd.DeploymentConfiguration.DeepClone();
        result["deploymentCircuitBreaker"] = new JsonObject
        {
            ["status"] = sd.CircuitBreakerStatus,
            ["failureCount"] = sd.FailureCount,
            ["threshold"] = sd.Threshold,
        };
        if (sd.RollbackRevision is not null)
        {
            result["rollback"] = new JsonObject
            {
                ["reason"] = sd.RollbackReason,
                ["startedAt"] = Json.Epoch(sd.RollbackStartedAt ?? sd.UpdatedAt),
                ["serviceRevisionArn"] = sd.RollbackRevision.Arn,
            };
        }

        return result;
    }

    private static string ShortHookId(SimServiceDeployment sd) => sd.Arn[(sd.Arn.LastIndexOf('/') + 1)..];

    private JsonObject RenderService(SimService service, bool tags)
    {
        var revision = service.Revision;
        var (running, pending) = Scheduler.Counts(service, null);
        var result = new JsonObject
        {
            ["serviceArn"] = service.Arn,
            ["serviceName"] = service.Name,
            ["clusterArn"] = service.Cluster.Arn,
            ["loadBalancers"] = revision.LoadBalancers.DeepClone(),
            ["serviceRegistries"] = revision.ServiceRegistries.DeepClone(),
            ["status"] = service.Status,
            ["desiredCount"] = service.DesiredCount,
            ["runningCount"] = running,
            ["pendingCount"] = pending,
        };
        AddLaunch(result, revision);
        result["taskDefinition"] = revision.TaskDefinition.Arn;
        result["deploymentConfiguration"] = service.DeploymentConfiguration.DeepClone();
        result["deployments"] = new JsonArray([.. service.Deployments.Select(d => (JsonNode?)RenderDeployment(service, d))]);
        if (service.Role is not null)
        {
            result["roleArn"] = service.Role;
        }

        result["events"] = new JsonArray([.. service.Events.Select(e => (JsonNode?)new JsonObject
        {
            ["id"] = e.Id,
            ["createdAt"] = Json.Epoch(e.At),
            ["message"] = e.Message,
        })]);
        result["createdAt"] = Json.Epoch(service.CreatedAt);
        if (service.ServiceDeployments.Count > 0 && service.Status != "INACTIVE")
        {
            result["currentServiceDeployment"] = service.ServiceDeployments[^1].Arn;
            result["currentServiceRevisions"] = new JsonArray([.. service.Deployments.Select(d =>
            {
                var (r, p) = Scheduler.Counts(service, d);
                return (JsonNode?)new JsonObject
                {
                    ["arn"] = d.Revision.Arn,
                    ["requestedTaskCount"] = d.DesiredCount,
                    ["runningTaskCount"] = r,
                    ["pendingTaskCount"] = p,
                };
            })]);
        }

        result["placementConstraints"] = revision.PlacementConstraints.DeepClone();
        result["placementStrategy"] = revision.PlacementStrategy.DeepClone();
        if (revision.NetworkConfiguration is not null)
        {
            result["networkConfiguration"] = revision.NetworkConfiguration.DeepClone();
        }

        if (service.HealthCheckGracePeriodSeconds is { } grace)
        {
            result["healthCheckGracePeriodSeconds"] = grace;
        }

        result["schedulingStrategy"] = service.SchedulingStrategy;
        result["deploymentController"] = service.DeploymentController.DeepClone();
        if (tags)
        {
            result["tags"] = RenderTags(service.Tags);
        }

        result["createdBy"] = service.CreatedBy;
        result["enableECSManagedTags"] = service.EnableEcsManagedTags;
        result["propagateTags"] = service.PropagateTags;
        result["enableExecuteCommand"] = service.EnableExecuteCommand;
        if (service.AvailabilityZoneRebalancing is not null)
        {
            result["availabilityZoneRebalancing"] = service.AvailabilityZoneRebalancing;
        }

        return result;
    }

    private static void AddLaunch(JsonObject result, SimServiceRevision revision)
    {
        if (revision.LaunchType is not null)
        {
            result["launchType"] = revision.LaunchType;
        }

        if (revision.CapacityProviderStrategy is not null)
        {
            result["capacityProviderStrategy"] = revision.CapacityProviderStrategy.DeepClone();
        }

        if (revision.PlatformVersion is not null)
        {
            result["platformVersion"] = revision.PlatformVersion;
        }

        if (revision.PlatformFamily is not null)
        {
            result["platformFamily"] = revision.PlatformFamily;
        }
    }

    private JsonObject RenderDeployment(SimService service, SimDeployment deployment)
    {
        var (running, pending) = Scheduler.Counts(service, deployment);
        var result = new JsonObject
        {
            ["id"] = deployment.Id,
            ["status"] = deployment.Status,
            ["taskDefinition"] = deployment.Revision.TaskDefinition.Arn,
            ["desiredCount"] = deployment.DesiredCount,
            ["pendingCount"] = pending,
            ["runningCount"] = running,
            ["failedTasks"] = deployment.FailedTasks,
            ["createdAt"] = Json.Epoch(deployment.CreatedAt),
            ["updatedAt"] = Json.Epoch(deployment.UpdatedAt),
        };
        AddLaunch(result, deployment.Revision);
        if (deployment.Revision.NetworkConfiguration is not null)
        {
            result["networkConfiguration"] = deployment.Revision.NetworkConfiguration.DeepClone();
        }

        result["rolloutState"] = deployment.RolloutState;
        result["rolloutStateReason"] = deployment.RolloutStateReason;
        return result;
    }
}
