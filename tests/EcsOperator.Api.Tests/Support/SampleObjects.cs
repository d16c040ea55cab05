using EcsOperator.Api.CapacityProviders;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Tests.Support;

/// <summary>Full, realistic objects of every kind (spec and status), as users write them and the operator reports.</summary>
internal static class SampleObjects
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    private static ObjectMeta Meta(string name) => new()
    {
        Name = name,
        Namespace = "shop",
        Uid = "6f1c2a4e-8d7b-4a51-9f0e-1f2d3c4b5a69",
        ResourceVersion = "48213",
        Generation = 3,
        CreationTimestamp = T0,
        Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = name },
        Finalizers = [ApiGroup.CleanupFinalizer],
    };

    private static IReadOnlyList<Condition> Conditions(string readyReason) =>
    [
        new() { Type = ConditionTypes.Ready, Status = ConditionStatus.True, ObservedGeneration = 3, LastTransitionTime = T0, Reason = readyReason, Message = "AWS matches the spec" },
        new() { Type = ConditionTypes.Reconciling, Status = ConditionStatus.False, ObservedGeneration = 3, LastTransitionTime = T0, Reason = ConditionReasons.Available, Message = "nothing to do" },
        new() { Type = ConditionTypes.Stalled, Status = ConditionStatus.False, ObservedGeneration = 3, LastTransitionTime = T0, Reason = ConditionReasons.Available, Message = "" },
    ];

    public static EcsTaskDefinitionSpec WebSpec => new()
    {
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1.42.0",
                Essential = true,
                PortMappings = [new PortMapping { Name = "http", ContainerPort = 8080, Protocol = "tcp", AppProtocol = "http" }],
                Environment = [new NameValuePair { Name = "ASPNETCORE_URLS", Value = "http://+:8080" }],
                Secrets = [new Secret { Name = "DB_PASSWORD", ValueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf:password::" }],
                EnvironmentFiles = [new EnvironmentFile { Type = "s3", Value = "arn:aws:s3:::shop-config/web.env" }],
                LogConfiguration = new LogConfiguration
                {
                    LogDriver = "awslogs",
                    Options = new Dictionary<string, string> { ["awslogs-group"] = "/ecs/shop/web", ["awslogs-region"] = "eu-west-1", ["awslogs-stream-prefix"] = "web" },
                },
                HealthCheck = new HealthCheck { Command = ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"], Interval = 10, Timeout = 5, Retries = 3, StartPeriod = 30 },
                DockerLabels = new Dictionary<string, string> { ["team"] = "shop" },
                MountPoints = [new MountPoint { SourceVolume = "assets", ContainerPath = "/srv/assets", ReadOnly = true }],
            },
        ],
        Family = "shop-web",
        NetworkMode = "awsvpc",
        RequiresCompatibilities = ["FARGATE"],
        Cpu = "512",
        Memory = "1024",
        TaskRoleArn = "arn:aws:iam::123456789012:role/shop-web-task",
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        RuntimePlatform = new RuntimePlatform { CpuArchitecture = "ARM64", OperatingSystemFamily = "LINUX" },
        EphemeralStorage = new EphemeralStorage { SizeInGiB = 30 },
        Volumes = [new Volume { Name = "assets", EfsVolumeConfiguration = new EFSVolumeConfiguration { FileSystemId = "fs-0123456789abcdef0", TransitEncryption = "ENABLED" } }],
        Tags = [new Tag { Key = "team", Value = "shop" }],
    };

    public static EcsTaskDefinition TaskDefinition => new()
    {
        Metadata = Meta("web"),
        Spec = WebSpec with { RevisionHistoryLimit = 5, DeletionPolicy = DeletionPolicy.Retain },
        Status = new EcsTaskDefinitionStatus
        {
            ObservedGeneration = 3,
            Conditions = Conditions(ConditionReasons.Available),
            Family = "shop-web",
            Revision = 7,
            TaskDefinitionArn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:7",
            SpecHash = "sha256:5f0c",
            Revisions =
            [
                new TaskDefinitionRevision { Revision = 7, TaskDefinitionArn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:7", SpecHash = "sha256:5f0c", RegisteredAt = T0 },
                new TaskDefinitionRevision { Revision = 6, TaskDefinitionArn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:6", SpecHash = "sha256:91aa", RegisteredAt = T0.AddDays(-2) },
            ],
        },
    };

    public static EcsService Service => new()
    {
        Metadata = Meta("web"),
        Spec = new EcsServiceSpec
        {
            TaskDefinitionRef = new LocalObjectReference { Name = "web" },
            ClusterRef = new LocalObjectReference { Name = "prod" },
            DesiredCount = 3,
            CapacityProviderStrategy =
            [
                new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Base = 1, Weight = 1 },
                new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 3 },
            ],
            PlatformVersion = "1.4.0",
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"], SecurityGroups = ["sg-0123abcd"], AssignPublicIp = "DISABLED" },
            },
            LoadBalancers = [new LoadBalancer { TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/shop-web/0123456789abcdef", ContainerName = "web", ContainerPort = 8080 }],
            DeploymentConfiguration = new DeploymentConfiguration
            {
                MaximumPercent = 200,
                MinimumHealthyPercent = 100,
                DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
                Strategy = "ROLLING",
            },
            HealthCheckGracePeriodSeconds = 60,
            EnableExecuteCommand = true,
            EnableECSManagedTags = true,
            PropagateTags = "SERVICE",
            AvailabilityZoneRebalancing = "ENABLED",
            Tags = [new Tag { Key = "team", Value = "shop" }],
            AutoScaling = new ServiceAutoScaling
            {
                MinCapacity = 2,
                MaxCapacity = 20,
                TargetTracking =
                [
                    new TargetTrackingPolicy { Name = "cpu60", PredefinedMetric = "ECSServiceAverageCPUUtilization", TargetValue = 60, ScaleInCooldown = 300, ScaleOutCooldown = 60 },
                    new TargetTrackingPolicy
                    {
                        Name = "queue-depth",
                        TargetValue = 100.5,
                        CustomizedMetricSpecification = new CustomizedMetricSpecification
                        {
                            MetricName = "ApproximateNumberOfMessagesVisible",
                            Namespace = "AWS/SQS",
                            Statistic = "Average",
                            Dimensions = [new MetricDimension { Name = "QueueName", Value = "orders" }],
                        },
                        DisableScaleIn = true,
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
                            Cooldown = 120,
                            MetricAggregationType = "Average",
                            StepAdjustments = [new StepAdjustment { MetricIntervalLowerBound = 0, MetricIntervalUpperBound = 10, ScalingAdjustment = 2 }, new StepAdjustment { MetricIntervalLowerBound = 10, ScalingAdjustment = 5 }],
                        },
                    },
                ],
                Scheduled =
                [
                    new ScheduledScaling { Name = "weekday-morning", Schedule = "cron(0 7 ? * MON-FRI *)", Timezone = "Europe/Berlin", MinCapacity = 6, MaxCapacity = 20 },
                    new ScheduledScaling { Name = "black-friday", Schedule = "at(2026-11-27T06:00:00)", MinCapacity = 12, StartTime = T0, EndTime = T0.AddDays(10) },
                ],
            },
            AdoptionPolicy = AdoptionPolicy.Adopt,
            DriftPolicy = DriftPolicy.Report,
        },
        Status = new EcsServiceStatus
        {
            ObservedGeneration = 3,
            Conditions = [.. Conditions(ConditionReasons.Available), new Condition { Type = ConditionTypes.Drifted, Status = ConditionStatus.True, ObservedGeneration = 3, LastTransitionTime = T0, Reason = ConditionReasons.DriftReported, Message = "spec.enableExecuteCommand differs in AWS" }],
            ServiceArn = "arn:aws:ecs:eu-west-1:123456789012:service/prod/web",
            ServiceName = "web",
            ClusterArn = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
            ClusterName = "prod",
            TaskDefinitionArn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:7",
            DesiredCount = 3,
            RunningCount = 3,
            PendingCount = 0,
            Rollout = new RolloutStatus { DeploymentId = "ecs-svc/1234567890123456789", State = "COMPLETED", Reason = "ECS deployment ecs-svc/1234567890123456789 completed.", DesiredCount = 3, RunningCount = 3, PendingCount = 0, FailedTasks = 0, StartedAt = T0, FinishedAt = T0.AddMinutes(4) },
            Deployments = [new DeploymentSummary { Id = "ecs-svc/1234567890123456789", Status = "PRIMARY", RolloutState = "COMPLETED", DesiredCount = 3, RunningCount = 3, PendingCount = 0, FailedTasks = 0, CreatedAt = T0, UpdatedAt = T0.AddMinutes(4) }],
            Drift = new DriftStatus { DetectedAt = T0.AddHours(1), Fields = ["spec.enableExecuteCommand"], Corrected = false },
            AutoScaling = new AutoScalingStatus { ScalableTargetArn = "arn:aws:application-autoscaling:eu-west-1:123456789012:scalable-target/0ec5", MinCapacity = 2, MaxCapacity = 20, PolicyArns = ["arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:1:resource/ecs/service/prod/web:policyName/cpu60"], ScheduledActionArns = [] },
        },
    };

    public static EcsCluster Cluster => new()
    {
        Metadata = Meta("prod"),
        Spec = new EcsClusterSpec
        {
            ClusterName = "prod",
            CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
            DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Base = 1, Weight = 1 }, new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 4 }],
            Settings = [new ClusterSetting { Name = "containerInsights", Value = "enhanced" }],
            Configuration = new ClusterConfiguration { ExecuteCommandConfiguration = new ExecuteCommandConfiguration { Logging = "DEFAULT" } },
            ServiceConnectDefaults = new ClusterServiceConnectDefaultsRequest { Namespace = "shop.local" },
            Tags = [new Tag { Key = "env", Value = "prod" }],
        },
        Status = new EcsClusterStatus { ObservedGeneration = 3, Conditions = Conditions(ConditionReasons.Available), ClusterArn = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod", ClusterName = "prod", Status = "ACTIVE", RunningTasksCount = 12, PendingTasksCount = 1, ActiveServicesCount = 4, RegisteredContainerInstancesCount = 0 },
    };

    public static EcsCapacityProvider CapacityProvider => new()
    {
        Metadata = Meta("ec2-ondemand"),
        Spec = new EcsCapacityProviderSpec
        {
            AutoScalingGroupProvider = new AutoScalingGroupProvider
            {
                AutoScalingGroupArn = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:6d3b4f2c-1111-2222-3333-444455556666:autoScalingGroupName/shop-ec2",
                ManagedScaling = new ManagedScaling { Status = "ENABLED", TargetCapacity = 90, MinimumScalingStepSize = 1, MaximumScalingStepSize = 4, InstanceWarmupPeriod = 180 },
                ManagedTerminationProtection = "ENABLED",
                ManagedDraining = "ENABLED",
            },
            Tags = [new Tag { Key = "team", Value = "shop" }],
        },
        Status = new EcsCapacityProviderStatus
        {
            ObservedGeneration = 2,
            Conditions = Conditions(ConditionReasons.Available),
            CapacityProviderArn = "arn:aws:ecs:eu-west-1:123456789012:capacity-provider/shop-ec2-ondemand",
            Name = "shop-ec2-ondemand",
            Status = "ACTIVE",
            UpdateStatus = "UPDATE_COMPLETE",
            AutoScalingGroupArn = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:6d3b4f2c-1111-2222-3333-444455556666:autoScalingGroupName/shop-ec2",
        },
    };

    public static EcsTask Task => new()
    {
        Metadata = Meta("migrate-42"),
        Spec = new EcsTaskSpec
        {
            ClusterRef = new LocalObjectReference { Name = "prod" },
            TaskDefinitionRef = new LocalObjectReference { Name = "web" },
            LaunchType = "FARGATE",
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-0a1b2c3d"], SecurityGroups = ["sg-0123abcd"] } },
            Overrides = new TaskOverride { ContainerOverrides = [new ContainerOverride { Name = "web", Command = ["dotnet", "Shop.Web.dll", "migrate"], Environment = [new NameValuePair { Name = "MIGRATION_TARGET", Value = "42" }] }] },
            Group = "migrations",
            StartedBy = "migrate-42",
            TtlSecondsAfterFinished = 3600,
            Tags = [new Tag { Key = "purpose", Value = "migration" }],
        },
        Status = new EcsTaskStatus
        {
            ObservedGeneration = 1,
            Conditions = Conditions(ConditionReasons.Available),
            Phase = TaskPhase.Succeeded,
            ClusterArn = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
            TaskDefinitionArn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:7",
            TaskArns = ["arn:aws:ecs:eu-west-1:123456789012:task/prod/0f1e2d3c4b5a"],
            Tasks = [new TaskRunStatus { TaskArn = "arn:aws:ecs:eu-west-1:123456789012:task/prod/0f1e2d3c4b5a", LastStatus = "STOPPED", DesiredStatus = "STOPPED", StopCode = "EssentialContainerExited", StoppedReason = "Essential container in task exited", StartedAt = T0, StoppedAt = T0.AddMinutes(2), Containers = [new ContainerRunStatus { Name = "web", LastStatus = "STOPPED", ExitCode = 0 }] }],
            StartedAt = T0,
            StoppedAt = T0.AddMinutes(2),
            ExitCode = 0,
        },
    };
}
