using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Tasks;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Validation;
using static EcsOperator.Core.Tests.Validation.ValidSpecs;

namespace EcsOperator.Core.Tests.Validation;

/// <summary>
/// Each invalid case is a small mutation of a valid, realistic spec; the operator must report the field path as the
/// user wrote it and a message that says what is wrong.
/// </summary>
public sealed class SpecValidationTests
{
    private sealed record Case(Func<IReadOnlyList<FieldError>> Validate, string Path, string Phrase);

    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        // ---- task definition: Fargate
        ["fargate needs awsvpc"] = Td(FargateWeb with { NetworkMode = "bridge" }, "spec.networkMode", "Fargate requires networkMode awsvpc"),
        ["fargate needs task cpu"] = Td(FargateWeb with { Cpu = null }, "spec.cpu", "Fargate requires task-level cpu"),
        ["fargate cpu/memory pair"] = Td(FargateWeb with { Memory = "16 GB" }, "spec.memory", "Fargate cpu 1024 accepts memory (MiB) 2048 to 8192"),
        ["cpu text not a cpu value"] = Td(FargateWeb with { Cpu = "lots" }, "spec.cpu", "'lots' is not a cpu value"),
        ["fargate placement constraints"] = Td(FargateWeb with { PlacementConstraints = [new TaskDefinitionPlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.instance-type =~ t3.*" }] },
            "spec.placementConstraints", "Fargate does not support placement constraints"),
        ["fargate docker volume"] = Td(FargateWeb with { Volumes = [new Volume { Name = "cache", DockerVolumeConfiguration = new DockerVolumeConfiguration { Scope = "task" } }] },
            "spec.volumes[cache].dockerVolumeConfiguration", "Fargate does not support Docker volumes"),
        ["fargate host path"] = Td(FargateWeb with { Volumes = [new Volume { Name = "cache", Host = new HostVolumeProperties { SourcePath = "/tmp" } }] },
            "spec.volumes[cache].host.sourcePath", "Fargate has no host paths"),
        ["fargate privileged"] = Td(Container(FargateWeb, "web", c => c with { Privileged = true }), "spec.containerDefinitions[web].privileged", "privileged"),
        ["fargate devices"] = Td(Container(FargateWeb, "web", c => c with { LinuxParameters = new LinuxParameters { Devices = [new Device { HostPath = "/dev/fuse" }] } }),
            "spec.containerDefinitions[web].linuxParameters.devices", "host devices"),
        ["links outside bridge"] = Td(Container(FargateWeb, "web", c => c with { Links = ["otel"] }), "spec.containerDefinitions[web].links", "links only work under networkMode bridge"),
        ["awsvpc hostPort differs"] = Td(Port(FargateWeb, "web", p => p with { HostPort = 80 }), "spec.containerDefinitions[web].portMappings[0].hostPort", "hostPort must equal containerPort (8080), not 80"),

        // ---- task definition: containers, memory and cpu
        ["duplicate container names"] = Td(Container(FargateWeb, "otel", c => c with { Name = "web" }), "spec.containerDefinitions[web].name", "used by more than one container"),
        ["no essential container"] = Td(Container(FargateWeb, "web", c => c with { Essential = false }), "spec.containerDefinitions", "no container is essential"),
        ["container without image"] = Td(Container(FargateWeb, "web", c => c with { Image = null }), "spec.containerDefinitions[web].image", "needs an image"),
        ["reservation above hard limit"] = Td(Container(FargateWeb, "otel", c => c with { MemoryReservation = 1024 }), "spec.containerDefinitions[otel].memoryReservation", "exceeds the hard limit memory 512 MiB"),
        ["container memory above task"] = Td(Container(FargateWeb, "otel", c => c with { Memory = 4096 }), "spec.containerDefinitions[otel].memory", "container memory 4096 MiB exceeds the task's 2048 MiB: lower it or raise spec.memory"),
        ["containers' memory sum above task"] = Td(Container(FargateWeb, "otel", c => c with { Memory = 1024 }), "spec.memory", "containers need 2560 MiB together"),
        ["EC2 container without any memory"] = Td(Container(Ec2Bridge, "redis", c => c with { MemoryReservation = null }), "spec.containerDefinitions[redis].memory", "needs memory or memoryReservation"),
        ["containers' cpu sum above task"] = Td(Container(FargateWeb, "otel", c => c with { Cpu = 512 }), "spec.cpu", "containers reserve 1280 CPU units together"),
        ["container cpu above task"] = Td(Container(FargateWeb, "web", c => c with { Cpu = 2048 }), "spec.containerDefinitions[web].cpu", "exceeds the task's 1024 units"),

        // ---- task definition: ports
        ["container port 0"] = Td(Port(FargateWeb, "web", p => p with { ContainerPort = 0 }), "spec.containerDefinitions[web].portMappings[0].containerPort", "use 1 to 65535"),
        ["same port twice under awsvpc"] = Td(Port(FargateWeb, "otel", p => p with { ContainerPort = 8080, Name = "metrics" }),
            "spec.containerDefinitions[otel].portMappings[0].containerPort", "port 8080/tcp is already mapped by container web"),
        ["port mapping name twice"] = Td(Port(FargateWeb, "otel", p => p with { Name = "http" }), "spec.containerDefinitions[otel].portMappings[0].name", "port mapping name 'http' is already used by container web"),
        ["reversed port range"] = Td(Port(FargateWeb, "web", p => p with { ContainerPort = null, ContainerPortRange = "9000-8000" }),
            "spec.containerDefinitions[web].portMappings[0].containerPortRange", "'9000-8000' is not a port range"),

        ["static host port twice under bridge"] = Td(Port(Port(Ec2Bridge, "app", p => p with { HostPort = 8080 }), "redis", p => p with { HostPort = 8080, ContainerPort = 8080 }),
            "spec.containerDefinitions[redis].portMappings[0].hostPort", "hostPort 8080/tcp is already used by container app"),

        // ---- task definition: references between containers and volumes
        ["mount of unknown volume"] = Td(Container(FireLensEfs, "app", c => c with { MountPoints = [new MountPoint { SourceVolume = "uploads", ContainerPath = "/data" }] }),
            "spec.containerDefinitions[app].mountPoints[/data].sourceVolume", "no volume named 'uploads' in spec.volumes"),
        ["volumesFrom unknown container"] = Td(Container(Ec2Bridge, "log-shipper", c => c with { VolumesFrom = [new VolumeFrom { SourceContainer = "ghost" }] }),
            "spec.containerDefinitions[log-shipper].volumesFrom[ghost].sourceContainer", "no container named 'ghost'"),
        ["depends on itself"] = Td(Container(FargateWeb, "web", c => c with { DependsOn = [new ContainerDependency { ContainerName = "web", Condition = "START" }] }),
            "spec.containerDefinitions[web].dependsOn[web].containerName", "cannot depend on itself"),
        ["depends on unknown container"] = Td(Container(FargateWeb, "web", c => c with { DependsOn = [new ContainerDependency { ContainerName = "db", Condition = "START" }] }),
            "spec.containerDefinitions[web].dependsOn[db].containerName", "no container named 'db'"),
        ["HEALTHY without health check"] = Td(Container(Ec2Bridge, "redis", c => c with { HealthCheck = null }),
            "spec.containerDefinitions[app].dependsOn[redis].condition", "needs a healthCheck on container redis"),
        ["unknown dependency condition"] = Td(Container(FargateWeb, "web", c => c with { DependsOn = [new ContainerDependency { ContainerName = "otel", Condition = "READY" }] }),
            "spec.containerDefinitions[web].dependsOn[otel].condition", "condition 'READY' is not valid"),

        // ---- task definition: environment and secrets
        ["secret from an S3 ARN"] = Td(Container(FargateWeb, "web", c => c with { Secrets = [new Secret { Name = "DB_PASSWORD", ValueFrom = "arn:aws:s3:::bucket/password" }] }),
            "spec.containerDefinitions[web].secrets[DB_PASSWORD].valueFrom", "not of a Secrets Manager secret"),
        ["secret defined twice"] = Td(Container(FargateWeb, "web", c => c with { Secrets = [.. c.Secrets!, new Secret { Name = "DB_PASSWORD", ValueFrom = "/other" }] }),
            "spec.containerDefinitions[web].secrets[DB_PASSWORD]", "defined more than once"),
        ["environment variable twice"] = Td(Container(FargateWeb, "web", c => c with { Environment = [.. c.Environment!, new NameValuePair { Name = "LOG_LEVEL", Value = "debug" }] }),
            "spec.containerDefinitions[web].environment[LOG_LEVEL]", "set more than once"),
        ["environment file not in S3"] = Td(Container(FargateWeb, "web", c => c with { EnvironmentFiles = [new EnvironmentFile { Type = "s3", Value = "https://shop-config.s3.amazonaws.com/prod.env" }] }),
            "spec.containerDefinitions[web].environmentFiles[0].value", "is not an S3 object ARN"),

        // ---- task definition: FireLens and health checks
        ["two FireLens routers"] = Td(Container(FireLensEfs, "app", c => c with { FirelensConfiguration = new FirelensConfiguration { Type = "fluentd" } }),
            "spec.containerDefinitions[log-router].firelensConfiguration", "only one container per task can be the FireLens log router and app already is"),
        ["awsfirelens without router"] = Td(Container(FireLensEfs, "log-router", c => c with { FirelensConfiguration = null }),
            "spec.containerDefinitions[app].logConfiguration.logDriver", "needs a FireLens log router"),
        ["health check without CMD"] = Td(Health(FargateWeb, h => h with { Command = ["curl", "-f", "http://localhost"] }),
            "spec.containerDefinitions[web].healthCheck.command", "starts with CMD or CMD-SHELL"),
        ["health check interval too short"] = Td(Health(FargateWeb, h => h with { Interval = 1 }), "spec.containerDefinitions[web].healthCheck.interval", "ECS accepts 5 to 300"),
        ["health check too many retries"] = Td(Health(FargateWeb, h => h with { Retries = 11 }), "spec.containerDefinitions[web].healthCheck.retries", "ECS accepts 1 to 10"),

        // ---- task definition: volumes
        ["EFS without file system"] = Td(Efs(FireLensEfs, e => e with { FileSystemId = null }), "spec.volumes[data].efsVolumeConfiguration.fileSystemId", "needs fileSystemId"),
        ["EFS access point without encryption"] = Td(Efs(FireLensEfs, e => e with { TransitEncryption = "DISABLED", TransitEncryptionPort = null, AuthorizationConfig = e.AuthorizationConfig! with { Iam = "DISABLED" } }),
            "spec.volumes[data].efsVolumeConfiguration.authorizationConfig.accessPointId", "requires transitEncryption ENABLED"),
        ["EFS IAM without encryption"] = Td(Efs(FireLensEfs, e => e with { TransitEncryption = null, TransitEncryptionPort = null }),
            "spec.volumes[data].efsVolumeConfiguration.authorizationConfig.iam", "IAM authorization requires transitEncryption ENABLED"),
        ["EFS port without encryption"] = Td(Efs(FireLensEfs, e => e with { TransitEncryption = "DISABLED", AuthorizationConfig = null }),
            "spec.volumes[data].efsVolumeConfiguration.transitEncryptionPort", "only used with transitEncryption ENABLED"),
        ["volume name twice"] = Td(FireLensEfs with { Volumes = [.. FireLensEfs.Volumes!, new Volume { Name = "data" }] }, "spec.volumes[data]", "used twice"),
        ["inline template uses its own prefix"] = Svc(WebService with
        {
            TaskDefinitionRef = null,
            TaskDefinitionTemplate = Container(FargateWeb, "otel", c => c with { Memory = 4096 }),
        }, null, "spec.taskDefinitionTemplate.containerDefinitions[otel].memory", "raise spec.taskDefinitionTemplate.memory"),

        // ---- service
        ["service without task definition"] = Svc(WebService with { TaskDefinitionRef = null }, FargateWeb, "spec", "no task definition"),
        ["service with two task definitions"] = Svc(WebService with { TaskDefinition = "shop-web:3" }, FargateWeb, "spec", "more than one task definition source"),
        ["external task definition malformed"] = Svc(DaemonService with { TaskDefinition = "node-agent:latest" }, null, "spec.taskDefinition", "is not a task definition reference"),
        ["task definition ARN without revision"] = Svc(DaemonService with { TaskDefinition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/node-agent" }, null,
            "spec.taskDefinition", "does not end in task-definition/family:revision"),
        ["cluster ARN of a service"] = Svc(DaemonService with { Cluster = "arn:aws:ecs:eu-west-1:123456789012:service/prod/web" }, null, "spec.cluster", "is not a cluster ARN"),
        ["launch type and capacity providers"] = Svc(WebService with { LaunchType = "FARGATE" }, FargateWeb, "spec.capacityProviderStrategy", "set launchType or capacityProviderStrategy, not both"),
        ["two providers with a base"] = Svc(Strategy(WebService, "FARGATE_SPOT", s => s with { Base = 2 }), FargateWeb,
            "spec.capacityProviderStrategy[FARGATE_SPOT].base", "only one capacity provider in a strategy can have a base"),
        ["all weights zero"] = Svc(WebService with { CapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Base = 1, Weight = 0 }] }, FargateWeb,
            "spec.capacityProviderStrategy", "give at least one provider a weight above 0"),
        ["weight above 1000"] = Svc(Strategy(WebService, "FARGATE_SPOT", s => s with { Weight = 1001 }), FargateWeb, "spec.capacityProviderStrategy[FARGATE_SPOT].weight", "use 0 to 1000"),
        ["awsvpc without network configuration"] = Svc(WebService with { NetworkConfiguration = null }, FargateWeb,
            "spec.networkConfiguration.awsvpcConfiguration", "uses networkMode awsvpc, so each task needs subnets"),
        ["seventeen subnets"] = Svc(Network(WebService, a => a with { Subnets = Enumerable.Range(1, 17).Select(i => $"subnet-{i}").ToList() }), FargateWeb,
            "spec.networkConfiguration.awsvpcConfiguration.subnets", "ECS accepts at most 16"),
        ["no subnets"] = Svc(Network(WebService, a => a with { Subnets = [] }), FargateWeb, "spec.networkConfiguration.awsvpcConfiguration.subnets", "at least one subnet"),
        ["six security groups"] = Svc(Network(WebService, a => a with { SecurityGroups = ["sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg-6"] }), FargateWeb,
            "spec.networkConfiguration.awsvpcConfiguration.securityGroups", "ECS accepts at most 5"),
        ["network configuration under bridge"] = Svc(WebService with { CapacityProviderStrategy = null, LaunchType = "EC2", LoadBalancers = null }, Ec2Bridge,
            "spec.networkConfiguration.awsvpcConfiguration", "takes no network configuration"),
        ["Fargate launch type for an EC2 task definition"] = Svc(WebService with { CapacityProviderStrategy = null, LaunchType = "FARGATE", NetworkConfiguration = null, LoadBalancers = null }, Ec2Bridge,
            "spec.launchType", "not compatible with Fargate"),
        ["daemon with desired count"] = Svc(DaemonService with { DesiredCount = 2 }, null, "spec.desiredCount", "DAEMON runs one task per container instance"),
        ["daemon with autoscaling"] = Svc(DaemonService with { AutoScaling = new ServiceAutoScaling { MinCapacity = 1, MaxCapacity = 2 } }, null, "spec.autoScaling", "DAEMON cannot be autoscaled"),
        ["daemon on Fargate"] = Svc(DaemonService with { LaunchType = "FARGATE" }, null, "spec.launchType", "DAEMON is not supported on Fargate"),
        ["daemon with placement strategy"] = Svc(DaemonService with { PlacementStrategy = [new PlacementStrategy { Type = "spread", Field = "attribute:ecs.availability-zone" }] }, null,
            "spec.placementStrategy", "takes no placementStrategy"),
        ["daemon with CodeDeploy"] = Svc(DaemonService with { DeploymentController = new DeploymentController { Type = "CODE_DEPLOY" } }, null,
            "spec.deploymentController.type", "DAEMON works only with the ECS deployment controller"),
        ["daemon with blue/green"] = Svc(Deployment(DaemonService, d => d with { Strategy = "BLUE_GREEN" }), null,
            "spec.deploymentConfiguration.strategy", "BLUE_GREEN deployments are for REPLICA services"),
        ["daemon behind a Classic Load Balancer"] = Svc(DaemonService with { LoadBalancers = [new LoadBalancer { LoadBalancerName = "classic", ContainerName = "agent", ContainerPort = 80 }] }, null,
            "spec.loadBalancers", "does not support Classic Load Balancers"),
        ["binpack by instance"] = Svc(DaemonService with { SchedulingStrategy = null, PlacementStrategy = [new PlacementStrategy { Type = "binpack", Field = "instanceId" }] }, null,
            "spec.placementStrategy[0].field", "binpack packs by cpu or memory"),
        ["spread without field"] = Svc(DaemonService with { SchedulingStrategy = null, PlacementStrategy = [new PlacementStrategy { Type = "spread" }] }, null,
            "spec.placementStrategy[0].field", "spread needs instanceId, host or attribute:<name>"),
        ["memberOf without expression"] = Svc(DaemonService with { PlacementConstraints = [new PlacementConstraint { Type = "memberOf" }] }, null,
            "spec.placementConstraints[0].expression", "memberOf needs a cluster query language expression"),
        ["distinctInstance with expression"] = Svc(DaemonService with { PlacementConstraints = [new PlacementConstraint { Type = "distinctInstance", Expression = "attribute:a == b" }] }, null,
            "spec.placementConstraints[0].expression", "distinctInstance takes no expression"),
        ["minimum healthy above 100"] = Svc(Deployment(WebService, d => d with { MinimumHealthyPercent = 150 }), FargateWeb,
            "spec.deploymentConfiguration.minimumHealthyPercent", "use 0 to 100"),
        ["maximum below 100"] = Svc(Deployment(WebService, d => d with { MaximumPercent = 50, MinimumHealthyPercent = 0 }), FargateWeb,
            "spec.deploymentConfiguration.maximumPercent", "below 100"),
        ["deployment cannot progress"] = Svc(Deployment(WebService, d => d with { MaximumPercent = 100 }), FargateWeb,
            "spec.deploymentConfiguration.maximumPercent", "must be above minimumHealthyPercent 100"),
        ["load balancer with target group and name"] = Svc(Balancer(WebService, b => b with { LoadBalancerName = "classic-web" }), FargateWeb, "spec.loadBalancers[0]", "not both"),
        ["load balancer for unknown container"] = Svc(Balancer(WebService, b => b with { ContainerName = "api" }), FargateWeb,
            "spec.loadBalancers[0].containerName", "no container named 'api' (it has web, otel)"),
        ["load balancer port not mapped"] = Svc(Balancer(WebService, b => b with { ContainerPort = 80 }), FargateWeb,
            "spec.loadBalancers[0].containerPort", "container web has no port mapping for containerPort 80 (it maps 8080)"),
        ["load balancer without port"] = Svc(Balancer(WebService, b => b with { ContainerPort = null }), null, "spec.loadBalancers[0].containerPort", "containerPort is required"),
        ["service connect port name unknown"] = Svc(WebService with
        {
            ServiceConnectConfiguration = WebService.ServiceConnectConfiguration! with { Services = [new ServiceConnectService { PortName = "grpc" }] },
        }, FargateWeb, "spec.serviceConnectConfiguration.services[grpc].portName", "no port mapping named 'grpc' (it has http, otlp)"),
        ["classic load balancer for awsvpc tasks"] = Svc(Balancer(WebService, b => b with { TargetGroupArn = null, LoadBalancerName = "classic-web" }), FargateWeb,
            "spec.loadBalancers[0].loadBalancerName", "Classic Load Balancers cannot route to awsvpc tasks"),
        ["Fargate service with placement strategy"] = Svc(WebService with { PlacementStrategy = [new PlacementStrategy { Type = "binpack", Field = "memory" }] }, FargateWeb,
            "spec.placementStrategy", "Fargate does not support placement strategies"),
        ["metadata name with dots"] = new(() => ServiceValidator.Validate(WebService, "shop.web", FargateWeb), "spec.serviceName", "set spec.serviceName explicitly, e.g. 'shop-web'"),

        ["tag with reserved aws: prefix"] = Svc(WebService with { Tags = [new Tag { Key = "aws:cloudformation:stack-name", Value = "x" }] }, FargateWeb,
            "spec.tags[aws:cloudformation:stack-name].key", "AWS reserves"),
        ["tag key owned by the operator"] = Svc(WebService with { Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "someone-else" }] }, FargateWeb,
            "spec.tags[ecs.operator.dev/owner].key", "is set by the operator"),
        ["tag key twice"] = Cl(ProdCluster with { Tags = [.. ProdCluster.Tags!, new Tag { Key = "team", Value = "other" }] }, "spec.tags[team]", "listed more than once"),

        // ---- service autoscaling
        ["autoscaling min above max"] = Svc(Scaling(WebService, a => a with { MinCapacity = 12 }), FargateWeb, "spec.autoScaling.minCapacity", "minCapacity 12 exceeds maxCapacity 10"),
        ["desired count outside bounds"] = Svc(WebService with { DesiredCount = 20 }, FargateWeb, "spec.desiredCount", "desiredCount 20 is outside autoScaling's 2..10"),
        ["target tracking with two metrics"] = Svc(Tracking(WebService, "cpu", p => p with { CustomizedMetricSpecification = new CustomizedMetricSpecification { MetricName = "Latency", Namespace = "Shop", Statistic = "Average" } }),
            FargateWeb, "spec.autoScaling.targetTracking[cpu]", "not both"),
        ["target tracking without metric"] = Svc(Tracking(WebService, "cpu", p => p with { PredefinedMetric = null }), FargateWeb,
            "spec.autoScaling.targetTracking[cpu]", "set exactly one of predefinedMetric"),
        ["ALB request count without label"] = Svc(Tracking(WebService, "requests", p => p with { ResourceLabel = null }), FargateWeb,
            "spec.autoScaling.targetTracking[requests].resourceLabel", "ALBRequestCountPerTarget needs resourceLabel"),
        ["CPU target above 100"] = Svc(Tracking(WebService, "cpu", p => p with { TargetValue = 150 }), FargateWeb, "spec.autoScaling.targetTracking[cpu].targetValue", "utilization percentage above 100"),
        ["zero target value"] = Svc(Tracking(WebService, "requests", p => p with { TargetValue = 0 }), FargateWeb, "spec.autoScaling.targetTracking[requests].targetValue", "must be above 0"),
        ["policy name shared by two kinds"] = Svc(Scaling(WebService, a => a with { StepScaling = [a.StepScaling![0] with { Name = "cpu" }] }), FargateWeb,
            "spec.autoScaling.stepScaling[cpu].name", "already used by spec.autoScaling.targetTracking[cpu]"),
        ["step policy without steps"] = Svc(Steps(WebService, []), FargateWeb,
            "spec.autoScaling.stepScaling[burst].stepScalingPolicyConfiguration.stepAdjustments", "at least one step adjustment"),
        ["overlapping steps"] = Svc(Steps(WebService, [new StepAdjustment { MetricIntervalLowerBound = 0, MetricIntervalUpperBound = 10, ScalingAdjustment = 1 }, new StepAdjustment { MetricIntervalLowerBound = 5, ScalingAdjustment = 3 }]),
            FargateWeb, "spec.autoScaling.stepScaling[burst].stepScalingPolicyConfiguration.stepAdjustments[1].metricIntervalLowerBound", "overlaps step 0"),
        ["gap between steps"] = Svc(Steps(WebService, [new StepAdjustment { MetricIntervalLowerBound = 0, MetricIntervalUpperBound = 10, ScalingAdjustment = 1 }, new StepAdjustment { MetricIntervalLowerBound = 20, ScalingAdjustment = 3 }]),
            FargateWeb, "spec.autoScaling.stepScaling[burst].stepScalingPolicyConfiguration.stepAdjustments[1].metricIntervalLowerBound", "leaves a gap after step 0"),
        ["two steps unbounded above"] = Svc(Steps(WebService, [new StepAdjustment { MetricIntervalLowerBound = 0, ScalingAdjustment = 1 }, new StepAdjustment { MetricIntervalLowerBound = 10, ScalingAdjustment = 3 }]),
            FargateWeb, "spec.autoScaling.stepScaling[burst].stepScalingPolicyConfiguration.stepAdjustments", "only one step may omit metricIntervalUpperBound"),
        ["scheduled cron with five fields"] = Svc(Schedule(WebService, s => s with { Schedule = "cron(0 22 * * MON-FRI)" }), FargateWeb,
            "spec.autoScaling.scheduled[nightly].schedule", "it needs 6"),
        ["scheduled min above max"] = Svc(Schedule(WebService, s => s with { MinCapacity = 5 }), FargateWeb, "spec.autoScaling.scheduled[nightly].minCapacity", "minCapacity 5 exceeds maxCapacity 4"),
        ["scheduled end before start"] = Svc(Schedule(WebService, s => s with { EndTime = s.StartTime!.Value.AddDays(-1) }), FargateWeb,
            "spec.autoScaling.scheduled[nightly].endTime", "is not after startTime"),
        ["scheduled unknown time zone"] = Svc(Schedule(WebService, s => s with { Timezone = "Mars/Olympus_Mons" }), FargateWeb,
            "spec.autoScaling.scheduled[nightly].timezone", "is not an IANA time zone"),
        ["scheduled Windows time zone name"] = Svc(Schedule(WebService, s => s with { Timezone = "W. Europe Standard Time" }), FargateWeb,
            "spec.autoScaling.scheduled[nightly].timezone", "is not an IANA time zone"),
        ["scheduled name twice"] = Svc(Scaling(WebService, a => a with { Scheduled = [a.Scheduled![0], a.Scheduled[1] with { Name = "nightly" }] }), FargateWeb,
            "spec.autoScaling.scheduled[nightly].name", "used twice"),

        // ---- cluster
        ["default strategy provider not associated"] = Cl(ProdCluster with { CapacityProviders = ["FARGATE"] },
            "spec.defaultCapacityProviderStrategy[FARGATE_SPOT].capacityProvider", "must still be listed"),
        ["strategy mixes Fargate and ASG"] = Cl(ProdCluster with
        {
            CapacityProviders = ["FARGATE", "asg-ondemand"],
            DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1 }, new CapacityProviderStrategyItem { CapacityProvider = "asg-ondemand", Weight = 1 }],
        }, "spec.defaultCapacityProviderStrategy", "cannot mix Fargate (FARGATE) and Auto Scaling group (asg-ondemand)"),
        ["unknown cluster setting"] = Cl(ProdCluster with { Settings = [new ClusterSetting { Name = "insights", Value = "enabled" }] }, "spec.settings[insights].name", "not a cluster setting"),
        ["container insights value"] = Cl(ProdCluster with { Settings = [new ClusterSetting { Name = "containerInsights", Value = "on" }] },
            "spec.settings[containerInsights].value", "use enabled, enhanced or disabled"),
        ["cluster metadata name with dots"] = new(() => ClusterValidator.Validate(ProdCluster, "prod.eu"), "spec.clusterName", "set spec.clusterName explicitly"),

        // ---- one-off task
        ["task with two task definitions"] = Tk(MigrationTask with { TaskDefinition = "shop-web:3" }, "spec", "not both"),
        ["task count above 10"] = Tk(MigrationTask with { Count = 11 }, "spec.count", "RunTask starts 1 to 10 tasks"),
        ["negative ttl"] = Tk(MigrationTask with { TtlSecondsAfterFinished = -1 }, "spec.ttlSecondsAfterFinished", "is negative"),
        ["task awsvpc without network"] = Tk(MigrationTask with { NetworkConfiguration = null }, "spec.networkConfiguration.awsvpcConfiguration", "needs subnets"),
        ["override of unknown container"] = Tk(MigrationTask with { Overrides = MigrationTask.Overrides! with { ContainerOverrides = [new ContainerOverride { Name = "worker", Command = ["run"] }] } },
            "spec.overrides.containerOverrides[worker].name", "no container named 'worker' (it has web, otel)"),
        ["override memory not a memory value"] = Tk(MigrationTask with { Overrides = MigrationTask.Overrides! with { Memory = "lots" } }, "spec.overrides.memory", "'lots' is not a memory value"),
        ["task on Fargate with placement"] = Tk(MigrationTask with { PlacementConstraints = [new PlacementConstraint { Type = "distinctInstance" }] },
            "spec.placementConstraints", "Fargate does not support placement constraints"),
    };

    public static TheoryData<string> InvalidCases => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Invalid_spec_is_reported_at_its_field_with_a_message_saying_what_to_do(string name)
    {
        var @case = Cases[name];
        var errors = @case.Validate();
        Assert.True(
            errors.Any(e => e.Path == @case.Path && e.Message.Contains(@case.Phrase, StringComparison.Ordinal)),
            $"expected an error at {@case.Path} containing \"{@case.Phrase}\"; got:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void There_are_at_least_45_invalid_cases() => Assert.True(Cases.Count >= 45, $"{Cases.Count} cases");

    public static TheoryData<string> ValidTaskDefinitions => new("FargateWeb", "Ec2Bridge", "FireLensEfs");

    [Theory]
    [MemberData(nameof(ValidTaskDefinitions))]
    public void Valid_task_definitions_have_no_errors(string name)
    {
        var spec = name switch { "FargateWeb" => FargateWeb, "Ec2Bridge" => Ec2Bridge, _ => FireLensEfs };
        Assert.Empty(TaskDefinitionValidator.Validate(spec));
    }

    [Fact]
    public void Valid_web_service_has_no_errors() => Assert.Empty(ServiceValidator.Validate(WebService, "shop-web", FargateWeb));

    [Fact]
    public void Valid_service_with_inline_template_has_no_errors() =>
        Assert.Empty(ServiceValidator.Validate(WebService with { TaskDefinitionRef = null, TaskDefinitionTemplate = FargateWeb }, "shop-web", null));

    [Fact]
    public void Valid_daemon_service_with_external_task_definition_has_no_errors() =>
        Assert.Empty(ServiceValidator.Validate(DaemonService, "node-agent", null));

    [Fact]
    public void Valid_one_off_task_has_no_errors() => Assert.Empty(TaskValidator.Validate(MigrationTask, FargateWeb));

    [Fact]
    public void Valid_cluster_has_no_errors() => Assert.Empty(ClusterValidator.Validate(ProdCluster, "prod"));

    [Fact]
    public void Blue_green_deployments_are_not_held_to_rolling_percentages() =>
        Assert.Empty(ServiceValidator.Validate(WebService with
        {
            DeploymentConfiguration = new DeploymentConfiguration { Strategy = "BLUE_GREEN", MaximumPercent = 100, MinimumHealthyPercent = 100, BakeTimeInMinutes = 10 },
        }, "shop-web", FargateWeb));

    [Fact]
    public void A_dotted_metadata_name_is_fine_when_serviceName_is_set() =>
        Assert.Empty(ServiceValidator.Validate(WebService with { ServiceName = "shop-web" }, "shop.web", FargateWeb));

    [Theory]
    [InlineData("UTC")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+9")]
    public void Iana_time_zones_are_accepted(string zone) =>
        Assert.Empty(AutoScalingValidator.Validate(WebService.AutoScaling! with { Scheduled = [WebService.AutoScaling.Scheduled![0] with { Timezone = zone }] }, 3));

    [Fact]
    public void A_spec_with_several_problems_reports_all_of_them()
    {
        var spec = Container(FargateWeb with { NetworkMode = "bridge", Memory = "10 GB" }, "web", c => c with
        {
            Image = null,
            HealthCheck = c.HealthCheck! with { Timeout = 500 },
            Secrets = [new Secret { Name = "DB_PASSWORD", ValueFrom = "not a secret" }],
        });

        var paths = TaskDefinitionValidator.Validate(spec).Select(e => e.Path).ToList();

        Assert.Equal(
            new[]
            {
                "spec.containerDefinitions[web].healthCheck.timeout",
                "spec.containerDefinitions[web].image",
                "spec.containerDefinitions[web].secrets[DB_PASSWORD].valueFrom",
                "spec.memory",
                "spec.networkMode",
            },
            paths.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_service_reports_its_own_and_its_inline_template_problems_together()
    {
        var spec = WebService with
        {
            TaskDefinitionRef = null,
            TaskDefinitionTemplate = FargateWeb with { Cpu = "3 vCPU" },
            NetworkConfiguration = null,
            DesiredCount = 50,
        };

        var paths = ServiceValidator.Validate(spec, "shop-web", null).Select(e => e.Path).ToHashSet();

        Assert.Contains("spec.taskDefinitionTemplate.memory", paths);
        Assert.Contains("spec.networkConfiguration.awsvpcConfiguration", paths);
        Assert.Contains("spec.desiredCount", paths);
    }

    [Fact]
    public void Vcpu_and_gb_forms_are_checked_like_units()
    {
        Assert.Empty(TaskDefinitionValidator.Validate(FargateWeb with { Cpu = "1024", Memory = "2048" }));
        var error = Assert.Single(TaskDefinitionValidator.Validate(FargateWeb with { Cpu = "0.25 vCPU", Memory = "4 GB" }), e => e.Path == "spec.memory");
        Assert.Contains("Fargate cpu 256 accepts memory (MiB) 512, 1024, 2048, not 4096", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Fargate_size_is_accepted_in_units_and_in_vcpu_and_gb_and_its_neighbours_are_not()
    {
        var plain = FargateWeb with { ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = "nginx:1.27" }], Volumes = null };
        foreach (var cpu in FargateTaskSize.CpuUnits)
        {
            foreach (var memory in FargateTaskSize.MemoryFor(cpu))
            {
                var vcpu = (cpu / 1024m).ToString(System.Globalization.CultureInfo.InvariantCulture) + " vCPU";
                var gb = (memory / 1024m).ToString(System.Globalization.CultureInfo.InvariantCulture) + " GB";
                Assert.Empty(TaskDefinitionValidator.Validate(plain with { Cpu = $"{cpu}", Memory = $"{memory}" }));
                Assert.Empty(TaskDefinitionValidator.Validate(plain with { Cpu = vcpu, Memory = gb }));
            }

            var tooBig = FargateTaskSize.MemoryFor(cpu)[^1] + 1024;
            Assert.Contains(TaskDefinitionValidator.Validate(plain with { Cpu = $"{cpu}", Memory = $"{tooBig}" }), e => e.Path == "spec.memory");
        }
    }

    // ---- case builders

    private static Case Td(EcsTaskDefinitionSpec spec, string path, string phrase) => new(() => TaskDefinitionValidator.Validate(spec, "spec"), path, phrase);

    private static Case Svc(EcsServiceSpec spec, TaskDefinitionTemplate? resolved, string path, string phrase) =>
        new(() => ServiceValidator.Validate(spec, spec.ServiceName ?? "shop-web", resolved), path, phrase);

    private static Case Cl(EcsClusterSpec spec, string path, string phrase) => new(() => ClusterValidator.Validate(spec, "prod"), path, phrase);

    private static Case Tk(EcsTaskSpec spec, string path, string phrase) => new(() => TaskValidator.Validate(spec, FargateWeb), path, phrase);

    // ---- mutations

    private static EcsTaskDefinitionSpec Container(EcsTaskDefinitionSpec spec, string name, Func<ContainerDefinition, ContainerDefinition> change) =>
        spec with { ContainerDefinitions = spec.ContainerDefinitions.Select(c => c.Name == name ? change(c) : c).ToList() };

    private static EcsTaskDefinitionSpec Port(EcsTaskDefinitionSpec spec, string container, Func<PortMapping, PortMapping> change) =>
        Container(spec, container, c => c with { PortMappings = [change(c.PortMappings![0]), .. c.PortMappings.Skip(1)] });

    private static EcsTaskDefinitionSpec Health(EcsTaskDefinitionSpec spec, Func<HealthCheck, HealthCheck> change) =>
        Container(spec, "web", c => c with { HealthCheck = change(c.HealthCheck!) });

    private static EcsTaskDefinitionSpec Efs(EcsTaskDefinitionSpec spec, Func<EFSVolumeConfiguration, EFSVolumeConfiguration> change) =>
        spec with { Volumes = spec.Volumes!.Select(v => v.Name == "data" ? v with { EfsVolumeConfiguration = change(v.EfsVolumeConfiguration!) } : v).ToList() };

    private static EcsServiceSpec Strategy(EcsServiceSpec spec, string provider, Func<CapacityProviderStrategyItem, CapacityProviderStrategyItem> change) =>
        spec with { CapacityProviderStrategy = spec.CapacityProviderStrategy!.Select(s => s.CapacityProvider == provider ? change(s) : s).ToList() };

    private static EcsServiceSpec Network(EcsServiceSpec spec, Func<AwsVpcConfiguration, AwsVpcConfiguration> change) =>
        spec with { NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = change(spec.NetworkConfiguration!.AwsvpcConfiguration!) } };

    private static EcsServiceSpec Deployment(EcsServiceSpec spec, Func<DeploymentConfiguration, DeploymentConfiguration> change) =>
        spec with { DeploymentConfiguration = change(spec.DeploymentConfiguration!) };

    private static EcsServiceSpec Balancer(EcsServiceSpec spec, Func<LoadBalancer, LoadBalancer> change) =>
        spec with { LoadBalancers = [change(spec.LoadBalancers![0])] };

    private static EcsServiceSpec Scaling(EcsServiceSpec spec, Func<ServiceAutoScaling, ServiceAutoScaling> change) =>
        spec with { AutoScaling = change(spec.AutoScaling!) };

    private static EcsServiceSpec Tracking(EcsServiceSpec spec, string name, Func<TargetTrackingPolicy, TargetTrackingPolicy> change) =>
        Scaling(spec, a => a with { TargetTracking = a.TargetTracking!.Select(p => p.Name == name ? change(p) : p).ToList() });

    private static EcsServiceSpec Steps(EcsServiceSpec spec, IReadOnlyList<StepAdjustment> steps) =>
        Scaling(spec, a => a with
        {
            StepScaling = [a.StepScaling![0] with { StepScalingPolicyConfiguration = a.StepScaling[0].StepScalingPolicyConfiguration with { StepAdjustments = steps } }],
        });

    private static EcsServiceSpec Schedule(EcsServiceSpec spec, Func<ScheduledScaling, ScheduledScaling> change) =>
        Scaling(spec, a => a with { Scheduled = a.Scheduled!.Select(s => s.Name == "nightly" ? change(s) : s).ToList() });
}
