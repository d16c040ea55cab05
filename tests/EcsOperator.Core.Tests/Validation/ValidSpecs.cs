using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.Tasks;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Model.Ecs;

namespace EcsOperator.Core.Tests.Validation;

/// <summary>Realistic, valid specs that the invalid cases mutate one field at a time.</summary>
internal static class ValidSpecs
{
    public const string DbSecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf";

    /// <summary>A Fargate web app with an OpenTelemetry sidecar, secrets, an env file and a health check.</summary>
    public static EcsTaskDefinitionSpec FargateWeb { get; } = new()
    {
        Family = "shop-web",
        NetworkMode = "awsvpc",
        RequiresCompatibilities = ["FARGATE"],
        Cpu = "1 vCPU",
        Memory = "2 GB",
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        Volumes = [new Volume { Name = "cache" }],
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-web:1.4.2",
                Cpu = 768,
                MemoryReservation = 1536,
                PortMappings = [new PortMapping { ContainerPort = 8080, Protocol = "tcp", Name = "http", AppProtocol = "http" }],
                Environment = [new NameValuePair { Name = "LOG_LEVEL", Value = "info" }, new NameValuePair { Name = "PORT", Value = "8080" }],
                EnvironmentFiles = [new EnvironmentFile { Type = "s3", Value = "arn:aws:s3:::shop-config/web/prod.env" }],
                Secrets =
                [
                    new Secret { Name = "DB_PASSWORD", ValueFrom = DbSecretArn },
                    new Secret { Name = "API_KEY", ValueFrom = "/shop/prod/api-key" },
                ],
                MountPoints = [new MountPoint { SourceVolume = "cache", ContainerPath = "/var/cache/web" }],
                HealthCheck = new HealthCheck
                {
                    Command = ["CMD-SHELL", "curl -fs http://localhost:8080/healthz || exit 1"],
                    Interval = 15,
                    Timeout = 5,
                    Retries = 3,
                    StartPeriod = 30,
                },
                DependsOn = [new ContainerDependency { ContainerName = "otel", Condition = "START" }],
                LogConfiguration = new LogConfiguration
                {
                    LogDriver = "awslogs",
                    Options = new Dictionary<string, string> { ["awslogs-group"] = "/ecs/shop-web", ["awslogs-region"] = "eu-west-1", ["awslogs-stream-prefix"] = "web" },
                },
            },
            new ContainerDefinition
            {
                Name = "otel",
                Image = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0",
                Essential = false,
                Cpu = 256,
                Memory = 512,
                PortMappings = [new PortMapping { ContainerPort = 4317, Name = "otlp" }],
            },
        ],
    };

    /// <summary>An EC2 task in bridge mode: container-level memory only, dynamic host ports, a link and a healthy dependency.</summary>
    public static EcsTaskDefinitionSpec Ec2Bridge { get; } = new()
    {
        Family = "legacy-app",
        NetworkMode = "bridge",
        RequiresCompatibilities = ["EC2"],
        Volumes = [new Volume { Name = "logs", Host = new HostVolumeProperties { SourcePath = "/var/log/legacy" } }],
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "app",
                Image = "registry.example.com/legacy/app:7",
                Memory = 512,
                MemoryReservation = 256,
                Cpu = 256,
                PortMappings = [new PortMapping { ContainerPort = 8080, HostPort = 0 }],
                Links = ["redis:cache"],
                DependsOn = [new ContainerDependency { ContainerName = "redis", Condition = "HEALTHY" }],
                MountPoints = [new MountPoint { SourceVolume = "logs", ContainerPath = "/app/logs" }],
            },
            new ContainerDefinition
            {
                Name = "redis",
                Image = "public.ecr.aws/docker/library/redis:7",
                MemoryReservation = 256,
                PortMappings = [new PortMapping { ContainerPort = 6379 }],
                HealthCheck = new HealthCheck { Command = ["CMD", "redis-cli", "ping"] },
            },
            new ContainerDefinition
            {
                Name = "log-shipper",
                Image = "public.ecr.aws/docker/library/busybox:1.36",
                Essential = false,
                MemoryReservation = 64,
                VolumesFrom = [new VolumeFrom { SourceContainer = "app", ReadOnly = true }],
            },
        ],
    };

    /// <summary>A Fargate app logging through a FireLens (Fluent Bit) router and mounting EFS through an access point with IAM.</summary>
    public static EcsTaskDefinitionSpec FireLensEfs { get; } = new()
    {
        NetworkMode = "awsvpc",
        RequiresCompatibilities = ["FARGATE"],
        Cpu = "512",
        Memory = "1024",
        TaskRoleArn = "arn:aws:iam::123456789012:role/uploads-task",
        Volumes =
        [
            new Volume
            {
                Name = "data",
                EfsVolumeConfiguration = new EFSVolumeConfiguration
                {
                    FileSystemId = "fs-0123456789abcdef0",
                    TransitEncryption = "ENABLED",
                    TransitEncryptionPort = 2049,
                    AuthorizationConfig = new EFSAuthorizationConfig { AccessPointId = "fsap-0123456789abcdef0", Iam = "ENABLED" },
                },
            },
        ],
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "app",
                Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/uploads:3.1.0",
                PortMappings = [new PortMapping { ContainerPort = 3000, Name = "api" }],
                MountPoints = [new MountPoint { SourceVolume = "data", ContainerPath = "/data" }],
                DependsOn = [new ContainerDependency { ContainerName = "log-router", Condition = "START" }],
                LogConfiguration = new LogConfiguration
                {
                    LogDriver = "awsfirelens",
                    Options = new Dictionary<string, string> { ["Name"] = "cloudwatch_logs", ["region"] = "eu-west-1" },
                    SecretOptions = [new Secret { Name = "apikey", ValueFrom = "arn:aws:ssm:eu-west-1:123456789012:parameter/logs/api-key" }],
                },
            },
            new ContainerDefinition
            {
                Name = "log-router",
                Image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                Essential = true,
                MemoryReservation = 50,
                FirelensConfiguration = new FirelensConfiguration { Type = "fluentbit" },
            },
        ],
    };

    /// <summary>A Fargate (and Spot) web service behind an ALB with target tracking, step and scheduled scaling.</summary>
    public static EcsServiceSpec WebService { get; } = new()
    {
        TaskDefinitionRef = new LocalObjectReference { Name = "shop-web" },
        ClusterRef = new LocalObjectReference { Name = "prod" },
        DesiredCount = 3,
        CapacityProviderStrategy =
        [
            new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Base = 1, Weight = 1 },
            new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 3 },
        ],
        NetworkConfiguration = new NetworkConfiguration
        {
            AwsvpcConfiguration = new AwsVpcConfiguration
            {
                Subnets = ["subnet-0aaa", "subnet-0bbb"],
                SecurityGroups = ["sg-0web"],
                AssignPublicIp = "DISABLED",
            },
        },
        LoadBalancers =
        [
            new LoadBalancer
            {
                TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-web/0123456789abcdef",
                ContainerName = "web",
                ContainerPort = 8080,
            },
        ],
        ServiceConnectConfiguration = new ServiceConnectConfiguration
        {
            Enabled = true,
            Namespace = "shop.local",
            Services = [new ServiceConnectService { PortName = "http", DiscoveryName = "web" }],
        },
        HealthCheckGracePeriodSeconds = 60,
        Tags = [new Tag { Key = "team", Value = "shop" }, new Tag { Key = "app.kubernetes.io/part-of", Value = "shop" }],
        DeploymentConfiguration = new DeploymentConfiguration
        {
            MaximumPercent = 200,
            MinimumHealthyPercent = 100,
            DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
        },
        AutoScaling = new ServiceAutoScaling
        {
            MinCapacity = 2,
            MaxCapacity = 10,
            TargetTracking =
            [
                new TargetTrackingPolicy { Name = "cpu", PredefinedMetric = "ECSServiceAverageCPUUtilization", TargetValue = 60, ScaleInCooldown = 300 },
                new TargetTrackingPolicy
                {
                    Name = "requests",
                    PredefinedMetric = "ALBRequestCountPerTarget",
                    ResourceLabel = "app/shop-alb/50dc6c495c0c9188/targetgroup/shop-web/0123456789abcdef",
                    TargetValue = 500,
                },
            ],
            StepScaling =
            [
                new StepScalingPolicy
                {
                    Name = "burst",
                    StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration
                    {
                        AdjustmentType = "ChangeInCapacity",
                        Cooldown = 60,
                        MetricAggregationType = "Average",
                        StepAdjustments =
                        [
                            new StepAdjustment { MetricIntervalLowerBound = 0, MetricIntervalUpperBound = 10, ScalingAdjustment = 1 },
                            new StepAdjustment { MetricIntervalLowerBound = 10, ScalingAdjustment = 3 },
                        ],
                    },
                },
            ],
            Scheduled =
            [
                new ScheduledScaling
                {
                    Name = "nightly",
                    Schedule = "cron(0 22 ? * MON-FRI *)",
                    Timezone = "Europe/Berlin",
                    MinCapacity = 1,
                    MaxCapacity = 4,
                    StartTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                    EndTime = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
                },
                new ScheduledScaling { Name = "morning", Schedule = "cron(0 7 ? * MON-FRI *)", Timezone = "Europe/Berlin", MinCapacity = 2, MaxCapacity = 10 },
            ],
        },
    };

    /// <summary>A per-instance agent on EC2, from a task definition the operator does not manage.</summary>
    public static EcsServiceSpec DaemonService { get; } = new()
    {
        ServiceName = "node-agent",
        TaskDefinition = "arn:aws:ecs:eu-west-1:123456789012:task-definition/node-agent:7",
        Cluster = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
        SchedulingStrategy = "DAEMON",
        LaunchType = "EC2",
        DeploymentConfiguration = new DeploymentConfiguration { MinimumHealthyPercent = 0, MaximumPercent = 100 },
    };

    /// <summary>A one-off database migration run on Fargate with a command override.</summary>
    public static EcsTaskSpec MigrationTask { get; } = new()
    {
        TaskDefinitionRef = new LocalObjectReference { Name = "shop-web" },
        Cluster = "prod",
        LaunchType = "FARGATE",
        Count = 1,
        NetworkConfiguration = new NetworkConfiguration
        {
            AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-0aaa"], SecurityGroups = ["sg-0web"] },
        },
        Overrides = new TaskOverride
        {
            ContainerOverrides = [new ContainerOverride { Name = "web", Command = ["bin/migrate", "--to", "latest"] }],
            Memory = "2 GB",
        },
        TtlSecondsAfterFinished = 3600,
    };

    /// <summary>A Fargate cluster preferring Spot, with Container Insights.</summary>
    public static EcsClusterSpec ProdCluster { get; } = new()
    {
        CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
        DefaultCapacityProviderStrategy =
        [
            new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Base = 1, Weight = 1 },
            new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 4 },
        ],
        Settings = [new ClusterSetting { Name = "containerInsights", Value = "enhanced" }],
        Tags = [new Tag { Key = "team", Value = "platform" }, new Tag { Key = "cost-center", Value = "cc-1234" }],
    };
}
