using System.Globalization;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;

namespace EcsOperator.Core.Validation;

/// <summary>
/// Checks an EcsService spec before any AWS call: its task-definition and cluster references, launch type or
/// capacity providers, networking and load balancers against the resolved task definition, the DAEMON strategy's
/// limits, deployment percentages, the service name and its autoscaling.
/// </summary>
public static class ServiceValidator
{
    /// <summary>
    /// Every problem of <paramref name="spec"/>; empty when it is valid. <paramref name="metadataName"/> is the
    /// object's metadata.name (the default service name). <paramref name="resolvedTaskDefinition"/> is the task
    /// definition the service will run (an EcsTaskDefinition's spec or the inline template); null when it is external,
    /// in which case the checks that need it are skipped. An inline template is validated too.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(EcsServiceSpec spec, string metadataName, TaskDefinitionTemplate? resolvedTaskDefinition)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new FieldErrors();
        var resolved = resolvedTaskDefinition ?? spec.TaskDefinitionTemplate;

        CheckServiceName(spec.ServiceName, metadataName, errors);
        CheckTaskDefinitionSource(spec, errors);
        if (spec.TaskDefinitionTemplate is { } template)
            errors.AddRange(TaskDefinitionValidator.Validate(template, "spec.taskDefinitionTemplate"));
        if (spec.Cluster is not null && EcsReferences.CheckCluster(spec.Cluster) is { } clusterProblem)
            errors.Add("spec.cluster", clusterProblem);

        if (spec.LaunchType is not null && spec.CapacityProviderStrategy is { Count: > 0 })
            errors.Add("spec.capacityProviderStrategy", "set launchType or capacityProviderStrategy, not both: remove one (neither means the cluster's default strategy)");
        CapacityProviderStrategyRules.Check(spec.CapacityProviderStrategy, "spec.capacityProviderStrategy", errors);
        CheckCompatibility(spec.LaunchType, spec.CapacityProviderStrategy, resolved, errors);
        AwsvpcNetworkRules.Check(spec.NetworkConfiguration, resolved, "spec.networkConfiguration", errors);

        var daemon = spec.SchedulingStrategy == "DAEMON";
        if (daemon)
            CheckDaemon(spec, errors);
        CheckDeploymentConfiguration(spec, daemon, errors);
        errors.AddRange(Services.Deployments.DeploymentStrategyValidator.Validate(spec));
        CheckLoadBalancers(spec.LoadBalancers, resolved, errors);
        CheckServiceConnect(spec.ServiceConnectConfiguration, resolved, errors);

        var onFargate = spec.LaunchType == "FARGATE" || spec.CapacityProviderStrategy?.Any(s => CapacityProviderStrategyRules.IsFargate(s.CapacityProvider)) == true;
        if (onFargate && spec.PlacementConstraints is { Count: > 0 })
            errors.Add("spec.placementConstraints", "Fargate does not support placement constraints: remove placementConstraints");
        if (onFargate && spec.PlacementStrategy is { Count: > 0 } && !daemon)
            errors.Add("spec.placementStrategy", "Fargate does not support placement strategies: remove placementStrategy");
        PlacementRules.Check(spec.PlacementStrategy, spec.PlacementConstraints, "spec", errors);

        TagRules.Check(spec.Tags, "spec.tags", errors);
        if (spec.AutoScaling is { } autoScaling && !daemon)
            errors.AddRange(AutoScalingValidator.Validate(autoScaling, spec.DesiredCount));
        return errors.ToList();
    }

    private static void CheckServiceName(string? serviceName, string metadataName, FieldErrors errors)
    {
        if (serviceName is not null)
        {
            if (!EcsReferences.IsName(serviceName))
                errors.Add("spec.serviceName", $"'{serviceName}' is not a valid ECS service name: use 1 to 255 letters, digits, - and _");
            return;
        }

        if (!EcsReferences.IsName(metadataName))
        {
            errors.Add("spec.serviceName",
                $"the service name defaults to metadata.name '{metadataName}', which ECS does not accept (only letters, digits, - and _): set spec.serviceName explicitly, e.g. '{metadataName.Replace('.', '-')}'");
        }
    }

    private static void CheckTaskDefinitionSource(EcsServiceSpec spec, FieldErrors errors)
    {
        var sources = (spec.TaskDefinitionRef is null ? 0 : 1) + (spec.TaskDefinition is null ? 0 : 1) + (spec.TaskDefinitionTemplate is null ? 0 : 1);
        if (sources != 1)
        {
            errors.Add("spec", sources == 0
                ? "no task definition: set one of taskDefinitionRef, taskDefinition or taskDefinitionTemplate"
                : "more than one task definition source: set exactly one of taskDefinitionRef, taskDefinition or taskDefinitionTemplate");
        }

        if (spec.TaskDefinition is not null && EcsReferences.CheckTaskDefinition(spec.TaskDefinition) is { } problem)
            errors.Add("spec.taskDefinition", problem);
        if (spec.TaskDefinitionRef is { } reference && string.IsNullOrWhiteSpace(reference.Name))
            errors.Add("spec.taskDefinitionRef.name", "taskDefinitionRef needs the name of an EcsTaskDefinition in this namespace");
    }

    /// <summary>ECS refuses to run a task definition on a launch type it was not validated for.</summary>
    internal static void CheckCompatibility(string? launchType, IReadOnlyList<CapacityProviderStrategyItem>? strategy, TaskDefinitionTemplate? resolved, FieldErrors errors)
    {
        if (resolved is null)
            return;
        var compatibilities = resolved.RequiresCompatibilities is { Count: > 0 } list ? list : ["EC2"];
        var wantsFargate = launchType == "FARGATE" || strategy?.Any(s => CapacityProviderStrategyRules.IsFargate(s.CapacityProvider)) == true;
        if (wantsFargate && !compatibilities.Contains("FARGATE"))
        {
            errors.Add(launchType == "FARGATE" ? "spec.launchType" : "spec.capacityProviderStrategy",
                $"the task definition is not compatible with Fargate (requiresCompatibilities: {string.Join(", ", compatibilities)}): add FARGATE to its requiresCompatibilities or run on EC2");
        }

        if (launchType is "EC2" or "EXTERNAL" && !compatibilities.Contains(launchType))
        {
            errors.Add("spec.launchType",
                $"the task definition is not compatible with launch type {launchType} (requiresCompatibilities: {string.Join(", ", compatibilities)}): add {launchType} to its requiresCompatibilities or change launchType");
        }
    }

    private static void CheckDaemon(EcsServiceSpec spec, FieldErrors errors)
    {
        if (spec.DesiredCount is not null)
            errors.Add("spec.desiredCount", "schedulingStrategy DAEMON runs one task per container instance: remove desiredCount");
        if (spec.AutoScaling is not null)
            errors.Add("spec.autoScaling", "schedulingStrategy DAEMON cannot be autoscaled (one task per instance): remove autoScaling or use REPLICA");
        if (spec.LaunchType == "FARGATE")
            errors.Add("spec.launchType", "schedulingStrategy DAEMON is not supported on Fargate: use launchType EC2 or schedulingStrategy REPLICA");
        if (spec.PlacementStrategy is { Count: > 0 })
            errors.Add("spec.placementStrategy", "schedulingStrategy DAEMON places one task per instance and takes no placementStrategy: remove it");
        if (spec.CapacityProviderStrategy is { Count: > 0 })
            errors.Add("spec.capacityProviderStrategy", "schedulingStrategy DAEMON does not support a capacity provider strategy: use launchType EC2");
        if (spec.DeploymentController?.Type is "CODE_DEPLOY" or "EXTERNAL")
            errors.Add("spec.deploymentController.type", $"schedulingStrategy DAEMON works only with the ECS deployment controller, not {spec.DeploymentController.Type}: remove deploymentController or use REPLICA");
        if (spec.DeploymentConfiguration?.Strategy is { } strategy and not "ROLLING")
            errors.Add("spec.deploymentConfiguration.strategy", $"schedulingStrategy DAEMON replaces tasks instance by instance (ROLLING); {strategy} deployments are for REPLICA services: remove strategy or use REPLICA");
        if (spec.LoadBalancers?.Any(b => !string.IsNullOrWhiteSpace(b.LoadBalancerName)) == true)
            errors.Add("spec.loadBalancers", "schedulingStrategy DAEMON does not support Classic Load Balancers (loadBalancerName): use a target group (targetGroupArn)");
    }

    private static void CheckDeploymentConfiguration(EcsServiceSpec spec, bool daemon, FieldErrors errors)
    {
        if (spec.DeploymentConfiguration is not { } deployment)
            return;
        if (spec.DeploymentController?.Type is "CODE_DEPLOY" or "EXTERNAL")
            return;
        const string Path = "spec.deploymentConfiguration";
        if (deployment.MinimumHealthyPercent is < 0 or > 100)
        {
            errors.Add($"{Path}.minimumHealthyPercent", $"minimumHealthyPercent {deployment.MinimumHealthyPercent} is out of range: use 0 to 100");
            return;
        }

        // The percentages pace rolling deployments only; blue/green, linear and canary shift traffic between two sets.
        if (daemon || deployment.Strategy is not (null or "ROLLING"))
            return;
        if (deployment.MaximumPercent is < 100)
        {
            errors.Add($"{Path}.maximumPercent", $"maximumPercent {deployment.MaximumPercent} is below 100, so a rolling deployment could never start a new task without losing capacity: use 100 or more (ECS default 200)");
            return;
        }

        var maximum = deployment.MaximumPercent ?? 200;
        var minimum = deployment.MinimumHealthyPercent ?? 100;
        if (maximum <= minimum)
        {
            errors.Add($"{Path}.maximumPercent",
                $"maximumPercent {maximum} must be above minimumHealthyPercent {minimum}, or a deployment can neither start a new task nor stop an old one: raise maximumPercent or lower minimumHealthyPercent");
        }
    }

    private static void CheckLoadBalancers(IReadOnlyList<LoadBalancer>? loadBalancers, TaskDefinitionTemplate? resolved, FieldErrors errors)
    {
        for (var i = 0; i < (loadBalancers?.Count ?? 0); i++)
        {
            var balancer = loadBalancers![i];
            var path = FieldErrors.Item("spec.loadBalancers", null, i);
            var hasTargetGroup = !string.IsNullOrWhiteSpace(balancer.TargetGroupArn);
            if (hasTargetGroup == !string.IsNullOrWhiteSpace(balancer.LoadBalancerName))
            {
                errors.Add(path, hasTargetGroup
                    ? "set targetGroupArn (ALB/NLB) or loadBalancerName (Classic Load Balancer), not both"
                    : "set targetGroupArn (ALB/NLB) or loadBalancerName (Classic Load Balancer)");
            }
            else if (hasTargetGroup && !IsTargetGroupArn(balancer.TargetGroupArn!))
            {
                errors.Add($"{path}.targetGroupArn", $"'{balancer.TargetGroupArn}' is not a target group ARN: use arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>");
            }

            if (!string.IsNullOrWhiteSpace(balancer.LoadBalancerName) && resolved is not null && AwsvpcNetworkRules.UsesAwsvpc(resolved))
                errors.Add($"{path}.loadBalancerName", "Classic Load Balancers cannot route to awsvpc tasks: use an Application or Network Load Balancer target group (targetGroupArn) of target type ip");

            if (string.IsNullOrWhiteSpace(balancer.ContainerName))
                errors.Add($"{path}.containerName", "containerName is required: the container that receives the load balancer's traffic");
            if (balancer.ContainerPort is not { } port)
                errors.Add($"{path}.containerPort", "containerPort is required: the port of the container that receives the load balancer's traffic");
            if (resolved is null || string.IsNullOrWhiteSpace(balancer.ContainerName))
                continue;

            var container = resolved.ContainerDefinitions?.FirstOrDefault(c => c.Name == balancer.ContainerName);
            if (container is null)
            {
                var names = string.Join(", ", (resolved.ContainerDefinitions ?? []).Select(c => c.Name));
                errors.Add($"{path}.containerName", $"the task definition has no container named '{balancer.ContainerName}' (it has {names}): fix containerName");
            }
            else if (balancer.ContainerPort is { } containerPort && !(container.PortMappings ?? []).Any(m => Maps(m, containerPort)))
            {
                var ports = string.Join(", ", (container.PortMappings ?? []).Select(m => m.ContainerPortRange ?? m.ContainerPort?.ToString(CultureInfo.InvariantCulture)));
                errors.Add($"{path}.containerPort",
                    $"container {container.Name} has no port mapping for containerPort {containerPort} ({(ports.Length == 0 ? "it maps no ports" : $"it maps {ports}")}): add a port mapping or fix containerPort");
            }
        }
    }

    private static void CheckServiceConnect(ServiceConnectConfiguration? configuration, TaskDefinitionTemplate? resolved, FieldErrors errors)
    {
        if (configuration is null || configuration.Enabled != true)
            return;
        var portNames = (resolved?.ContainerDefinitions ?? []).SelectMany(c => c.PortMappings ?? []).Select(m => m.Name).OfType<string>().ToList();
        var services = configuration.Services ?? [];
        for (var i = 0; i < services.Count; i++)
        {
            var portName = services[i].PortName;
            var path = $"{FieldErrors.Item("spec.serviceConnectConfiguration.services", portName, i)}.portName";
            if (string.IsNullOrWhiteSpace(portName))
                errors.Add(path, "portName is required: the name of a port mapping in the task definition");
            else if (resolved is not null && !portNames.Contains(portName))
                errors.Add(path, $"the task definition has no port mapping named '{portName}' ({(portNames.Count == 0 ? "no port mapping has a name" : $"it has {string.Join(", ", portNames)}")}): name a port mapping or fix portName");
        }

        foreach (var (key, index) in FieldErrors.Duplicates(services, x => x.PortName))
            errors.Add(FieldErrors.Item("spec.serviceConnectConfiguration.services", key, index), $"port {key} is exposed twice: list each port name once");
    }

    private static bool Maps(PortMapping mapping, int port)
    {
        if (mapping.ContainerPort == port)
            return true;
        var range = mapping.ContainerPortRange?.Split('-');
        return range is [var first, var last]
            && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && port >= from && port <= to;
    }

    private static bool IsTargetGroupArn(string value) =>
        Arn.TryParse(value, out var arn) && arn.Service == "elasticloadbalancing" && arn.Resource.StartsWith("targetgroup/", StringComparison.Ordinal);
}
