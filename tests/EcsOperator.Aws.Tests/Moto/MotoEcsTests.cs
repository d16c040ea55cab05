using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Transport;
using EcsOperator.Testing.Moto;
using Xunit;

namespace EcsOperator.Aws.Tests.Moto;

/// <summary>
/// Every ECS operation moto implements, through the typed client and the real transport (signing, JSON 1.1,
/// error mapping), with realistic payloads. Operations moto lacks are covered in <see cref="CannedResponseTests"/>.
/// </summary>
[Collection(Tests.Transport.MotoCollection.Name)]
public sealed class MotoEcsTests(MotoServer moto) : IAsyncLifetime
{
    private readonly MotoApis _apis = new(moto.Endpoint);

    private IEcsApi Ecs => _apis.Ecs;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await moto.ResetAsync(Ct);

    public ValueTask DisposeAsync()
    {
        _apis.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Cluster_create_describe_update_capacity_providers_and_delete_round_trip()
    {
        var created = await Ecs.CreateClusterAsync(
            new CreateClusterRequest
            {
                ClusterName = "shop",
                Settings = [new ClusterSetting { Name = ClusterSettingName.ContainerInsights, Value = "enabled" }],
                Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "c1/shop/shop" }],
                CapacityProviders = ["FARGATE", "FARGATE_SPOT"],
                DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Weight = 1, Base = 1 }],
            },
            Ct);

        Assert.Equal("shop", created.Cluster!.ClusterName);
        Assert.Equal("ACTIVE", created.Cluster.Status);
        Assert.StartsWith("arn:aws:ecs:eu-west-1:", created.Cluster.ClusterArn, StringComparison.Ordinal);

        var described = await Ecs.DescribeClustersAsync(
            new DescribeClustersRequest { Clusters = ["shop", "nope"], Include = [ClusterField.Tags, ClusterField.Settings] }, Ct);
        var cluster = Assert.Single(described.Clusters!);
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], cluster.CapacityProviders!);
        Assert.Equal("FARGATE", cluster.DefaultCapacityProviderStrategy![0].CapacityProvider);
        Assert.Equal("enabled", Assert.Single(cluster.Settings!).Value);
        Assert.Equal("c1/shop/shop", Assert.Single(cluster.Tags!).Value);
        Assert.Equal(EcsFailureReasons.Missing, Assert.Single(described.Failures!).Reason);

        var updated = await Ecs.UpdateClusterAsync(
            new UpdateClusterRequest
            {
                Cluster = "shop",
                Settings = [new ClusterSetting { Name = ClusterSettingName.ContainerInsights, Value = "disabled" }],
            },
            Ct);
        Assert.Equal("disabled", Assert.Single(updated.Cluster!.Settings!).Value);

        var put = await Ecs.PutClusterCapacityProvidersAsync(
            new PutClusterCapacityProvidersRequest
            {
                Cluster = "shop",
                CapacityProviders = ["FARGATE_SPOT"],
                DefaultCapacityProviderStrategy = [new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 2 }],
            },
            Ct);
        Assert.Equal(["FARGATE_SPOT"], put.Cluster!.CapacityProviders!);
        Assert.Equal(2, put.Cluster.DefaultCapacityProviderStrategy![0].Weight);

        var deleted = await Ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = "shop" }, Ct);
        Assert.Equal("INACTIVE", deleted.Cluster!.Status);
    }

    [Fact]
    public async Task Task_definition_register_describe_with_tags_list_deregister_and_delete_round_trip()
    {
        var request = SampleTaskDefinition("shop-web");
        var registered = await Ecs.RegisterTaskDefinitionAsync(request, Ct);

        var td = registered.TaskDefinition!;
        Assert.Equal("shop-web", td.Family);
        Assert.Equal(1, td.Revision);
        Assert.Equal("ACTIVE", td.Status);
        Assert.Equal(["web", "log_router"], td.ContainerDefinitions!.Select(c => c.Name));
        var web = td.ContainerDefinitions![0];
        Assert.Equal("DB_PASSWORD", web.Secrets![0].Name);
        Assert.Equal("arn:aws:s3:::shop-config/web.env", web.EnvironmentFiles![0].Value);
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"], web.HealthCheck!.Command!);
        Assert.Equal("log_router", web.DependsOn![0].ContainerName);
        Assert.Equal("fluentbit", td.ContainerDefinitions[1].FirelensConfiguration!.Type);
        Assert.Equal("fs-0123456789abcdef0", td.Volumes![0].EfsVolumeConfiguration!.FileSystemId);
        Assert.Equal("awsvpc", td.NetworkMode);
        Assert.Equal("1024", td.Cpu);

        await Ecs.RegisterTaskDefinitionAsync(request, Ct);
        var described = await Ecs.DescribeTaskDefinitionAsync(
            new DescribeTaskDefinitionRequest { TaskDefinition = "shop-web:2", Include = [TaskDefinitionField.Tags] }, Ct);
        Assert.Equal(2, described.TaskDefinition!.Revision);
        Assert.Equal("c1/shop/web", Assert.Single(described.Tags!).Value);

        var arns = await Ecs.ListAllTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = "shop-web" }, Ct);
        Assert.Equal(2, arns.Count);
        Assert.All(arns, arn => Assert.Contains("task-definition/shop-web:", arn, StringComparison.Ordinal));

        var deregistered = await Ecs.DeregisterTaskDefinitionAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = "shop-web:1" }, Ct);
        Assert.Equal("INACTIVE", deregistered.TaskDefinition!.Status);

        var deleted = await Ecs.DeleteTaskDefinitionsAsync(new DeleteTaskDefinitionsRequest { TaskDefinitions = [arns[0]] }, Ct);
        Assert.Equal(arns[0], Assert.Single(deleted.TaskDefinitions!).TaskDefinitionArn);
    }

    [Fact]
    public async Task Task_definition_families_are_listed_by_prefix()
    {
        await Ecs.RegisterTaskDefinitionAsync(SampleTaskDefinition("shop_td_web"), Ct);
        await Ecs.RegisterTaskDefinitionAsync(SampleTaskDefinition("shop_td_web"), Ct);
        await Ecs.RegisterTaskDefinitionAsync(SampleTaskDefinition("shop_td_worker"), Ct);
        await Ecs.RegisterTaskDefinitionAsync(SampleTaskDefinition("shop-b_td_web"), Ct);

        // moto ignores status and maxResults (one page), so this checks the wire shape and the prefix filter.
        var families = await Ecs.ListAllTaskDefinitionFamiliesAsync(
            new ListTaskDefinitionFamiliesRequest { FamilyPrefix = "shop_td_", Status = TaskDefinitionFamilyStatus.Active }, Ct);

        Assert.Equal(["shop_td_web", "shop_td_worker"], families.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Service_create_describe_update_list_and_delete_round_trip()
    {
        var (subnet, securityGroup) = await MotoNetwork.DefaultsAsync(moto.Endpoint, Ct);
        await Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "shop" }, Ct);
        await Ecs.RegisterTaskDefinitionAsync(SampleTaskDefinition("shop-web"), Ct);
        await Ecs.RegisterTaskDefinitionAsync(SampleTaskDefinition("shop-web"), Ct);

        var created = await Ecs.CreateServiceAsync(
            new CreateServiceRequest
            {
                Cluster = "shop",
                ServiceName = "web",
                TaskDefinition = "shop-web:1",
                DesiredCount = 2,
                LaunchType = LaunchType.Fargate,
                ClientToken = "7b1f6a2c-web",
                NetworkConfiguration = new NetworkConfiguration
                {
                    AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [subnet], SecurityGroups = [securityGroup], AssignPublicIp = AssignPublicIp.Disabled },
                },
                DeploymentConfiguration = new DeploymentConfiguration
                {
                    MaximumPercent = 200,
                    MinimumHealthyPercent = 50,
                    DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
                },
                PlacementStrategy = [new PlacementStrategy { Type = PlacementStrategyType.Spread, Field = "attribute:ecs.availability-zone" }],
                Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "c1/shop/web" }],
                PropagateTags = PropagateTags.Service,
            },
            Ct);

        var service = created.Service!;
        Assert.Equal("web", service.ServiceName);
        Assert.Equal(2, service.DesiredCount);
        Assert.Equal("FARGATE", service.LaunchType);
        Assert.Equal([subnet], service.NetworkConfiguration!.AwsvpcConfiguration!.Subnets!);
        Assert.Equal(PropagateTags.Service, service.PropagateTags);
        Assert.Equal(SchedulingStrategy.Replica, service.SchedulingStrategy);
        // moto does not echo deploymentConfiguration, placementStrategy or createdAt on the service; the serialized
        // request is covered in ServiceSerializationTests. Its PRIMARY deployment is there, though.
        var deployment = Assert.Single(service.Deployments!);
        Assert.Equal("PRIMARY", deployment.Status);
        Assert.NotNull(deployment.CreatedAt);

        var described = await Ecs.DescribeAllServicesAsync(
            new DescribeServicesRequest { Cluster = "shop", Services = ["web", "gone"], Include = [ServiceField.Tags] }, Ct);
        Assert.Equal("web", described.Find(service.ServiceArn!)!.ServiceName);
        Assert.Equal("c1/shop/web", Assert.Single(described.Find("web")!.Tags!).Value);
        Assert.True(described.IsMissing("gone"));
        Assert.False(described.IsMissing("web"));

        var updated = await Ecs.UpdateServiceAsync(
            new UpdateServiceRequest { Cluster = "shop", Service = "web", DesiredCount = 4, TaskDefinition = "shop-web:2" }, Ct);
        Assert.Equal(4, updated.Service!.DesiredCount);
        Assert.EndsWith("shop-web:2", updated.Service.TaskDefinition, StringComparison.Ordinal);

        Assert.Equal([service.ServiceArn!], await Ecs.ListAllServicesAsync(new ListServicesRequest { Cluster = "shop" }, Ct));

        var deleted = await Ecs.DeleteServiceAsync(new DeleteServiceRequest { Cluster = "shop", Service = "web", Force = true }, Ct);
        Assert.Equal("web", deleted.Service!.ServiceName);
        var afterDelete = await Ecs.DescribeAllServicesAsync(new DescribeServicesRequest { Cluster = "shop", Services = ["web"] }, Ct);
        Assert.True(afterDelete.IsMissingOrInactive("web"));
    }

    /// <summary>
    /// The blue/green wire shapes as moto_server 5.2.1 takes them: it accepts the strategy and the load balancer's
    /// advancedConfiguration and echoes the load balancer, but stores no deploymentConfiguration and implements neither
    /// ListServiceDeployments nor StopServiceDeployment (HTTP 500), so those are covered by the ECS simulator only.
    /// </summary>
    [Fact]
    public async Task A_blue_green_service_with_an_advanced_load_balancer_is_accepted_and_its_load_balancer_echoed()
    {
        var (subnet, securityGroup) = await MotoNetwork.DefaultsAsync(moto.Endpoint, Ct);
        await Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "bg" }, Ct);
        await Ecs.RegisterTaskDefinitionAsync(SampleTaskDefinition("bg-web"), Ct);
        var advanced = new AdvancedConfiguration
        {
            AlternateTargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/green/2",
            ProductionListenerRule = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/web/1/2/3",
            TestListenerRule = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/web/1/2/4",
            RoleArn = "arn:aws:iam::123456789012:role/ecs-elb",
        };

        var created = await Ecs.CreateServiceAsync(
            new CreateServiceRequest
            {
                Cluster = "bg",
                ServiceName = "web",
                TaskDefinition = "bg-web:1",
                DesiredCount = 1,
                LaunchType = LaunchType.Fargate,
                NetworkConfiguration = new NetworkConfiguration
                {
                    AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [subnet], SecurityGroups = [securityGroup], AssignPublicIp = AssignPublicIp.Disabled },
                },
                LoadBalancers = [new LoadBalancer { TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/blue/1", ContainerName = "web", ContainerPort = 80, AdvancedConfiguration = advanced }],
                DeploymentConfiguration = new DeploymentConfiguration
                {
                    Strategy = DeploymentStrategy.Canary,
                    BakeTimeInMinutes = 5,
                    CanaryConfiguration = new CanaryConfiguration { CanaryPercent = 10, CanaryBakeTimeInMinutes = 3 },
                },
            },
            Ct);
        var described = await Ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = "bg", Services = ["web"] }, Ct);

        Assert.Equal("ACTIVE", created.Service!.Status);
        Assert.Equal(advanced, Assert.Single(described.Services!.Single().LoadBalancers!).AdvancedConfiguration);
    }

    [Fact]
    public async Task Tasks_run_describe_list_and_stop_round_trip()
    {
        var (subnet, securityGroup) = await MotoNetwork.DefaultsAsync(moto.Endpoint, Ct);
        await Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "batch" }, Ct);
        await Ecs.RegisterTaskDefinitionAsync(SampleTaskDefinition("report"), Ct);

        var run = await Ecs.RunTaskAsync(
            new RunTaskRequest
            {
                Cluster = "batch",
                TaskDefinition = "report",
                Count = 2,
                LaunchType = LaunchType.Fargate,
                StartedBy = "ecs-operator",
                NetworkConfiguration = new NetworkConfiguration
                {
                    AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [subnet], SecurityGroups = [securityGroup] },
                },
                Overrides = new TaskOverride
                {
                    ContainerOverrides = [new ContainerOverride { Name = "web", Command = ["--once"], Environment = [new NameValuePair { Name = "MODE", Value = "batch" }] }],
                },
                Tags = [new Tag { Key = "job", Value = "nightly" }],
            },
            Ct);

        Assert.Equal(2, run.Tasks!.Count);
        Assert.All(run.Tasks, t => Assert.Equal("ecs-operator", t.StartedBy));
        Assert.Equal(["--once"], run.Tasks[0].Overrides!.ContainerOverrides![0].Command!);
        Assert.Contains(run.Tasks[0].Attachments![0].Details!, d => d.Name == "subnetId" && d.Value == subnet);

        var arns = await Ecs.ListAllTasksAsync(new ListTasksRequest { Cluster = "batch" }, Ct);
        Assert.Equal(run.Tasks.Select(t => t.TaskArn).Order(StringComparer.Ordinal), arns.Order(StringComparer.Ordinal));

        var described = await Ecs.DescribeAllTasksAsync(new DescribeTasksRequest { Cluster = "batch", Tasks = [.. arns, "arn:aws:ecs:eu-west-1:123456789012:task/batch/none"] }, Ct);
        Assert.Equal(2, described.Tasks!.Count);
        Assert.All(described.Tasks, t => Assert.Contains("task-definition/report:1", t.TaskDefinitionArn, StringComparison.Ordinal));

        var stopped = await Ecs.StopTaskAsync(new StopTaskRequest { Cluster = "batch", Task = arns[0], Reason = "Cancelled by EcsTask shop/report" }, Ct);
        Assert.Equal("Cancelled by EcsTask shop/report", stopped.Task!.StoppedReason);
        Assert.Equal("STOPPED", stopped.Task.DesiredStatus);
    }

    [Fact]
    public async Task Tags_are_added_and_listed()
    {
        var cluster = (await Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "tagged" }, Ct)).Cluster!;

        await Ecs.TagResourceAsync(
            new TagResourceRequest { ResourceArn = cluster.ClusterArn, Tags = [new Tag { Key = "a", Value = "1" }, new Tag { Key = "b", Value = "2" }] }, Ct);
        await Ecs.TagResourceAsync(new TagResourceRequest { ResourceArn = cluster.ClusterArn, Tags = [new Tag { Key = "a", Value = "3" }] }, Ct);
        var listed = await Ecs.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = cluster.ClusterArn }, Ct);

        // TagResource overwrites the keys it names and leaves the others: the operator never needs UntagResource.
        Assert.Equal([("a", "3"), ("b", "2")], listed.Tags!.Select(t => (t.Key, t.Value)).OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Missing_resources_surface_as_NotFound_errors()
    {
        await Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "shop" }, Ct);

        var noService = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = "shop", Service = "nope", DesiredCount = 1 }, Ct));
        var noCluster = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Ecs.DeleteClusterAsync(new DeleteClusterRequest { Cluster = "nope" }, Ct));
        var noTaskDefinition = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Ecs.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "nope:1" }, Ct));

        Assert.Equal(("ServiceNotFoundException", AwsErrorKind.NotFound), (noService.ErrorCode, noService.Kind));
        Assert.Equal(("ClusterNotFoundException", AwsErrorKind.NotFound), (noCluster.ErrorCode, noCluster.Kind));
        Assert.Equal(AwsErrorKind.NotFound, noTaskDefinition.Kind);
    }

    [Fact]
    public async Task Invalid_requests_surface_as_Terminal_errors()
    {
        await Ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = "shop" }, Ct);
        await Ecs.RegisterTaskDefinitionAsync(SampleTaskDefinition("shop-web"), Ct);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Ecs.RunTaskAsync(new RunTaskRequest { Cluster = "shop", TaskDefinition = "shop-web", LaunchType = "SPACESHIP" }, Ct));

        Assert.Equal(AwsErrorKind.Terminal, error.Kind);
        Assert.Contains("launch type", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    internal static RegisterTaskDefinitionRequest SampleTaskDefinition(string family) => new()
    {
        Family = family,
        NetworkMode = NetworkMode.Awsvpc,
        RequiresCompatibilities = [Compatibility.Fargate],
        Cpu = "1024",
        Memory = "2048",
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = "nginx:1.27",
                Essential = true,
                Cpu = 512,
                Memory = 1024,
                PortMappings = [new PortMapping { Name = "http", ContainerPort = 8080, Protocol = TransportProtocol.Tcp }],
                Environment = [new NameValuePair { Name = "MODE", Value = "web" }],
                EnvironmentFiles = [new EnvironmentFile { Type = EnvironmentFileType.S3, Value = "arn:aws:s3:::shop-config/web.env" }],
                Secrets = [new Secret { Name = "DB_PASSWORD", ValueFrom = "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }],
                HealthCheck = new HealthCheck { Command = ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"], Interval = 15, Retries = 3 },
                DependsOn = [new ContainerDependency { ContainerName = "log_router", Condition = ContainerCondition.Start }],
                MountPoints = [new MountPoint { SourceVolume = "uploads", ContainerPath = "/uploads" }],
                LogConfiguration = new LogConfiguration { LogDriver = LogDriver.Awsfirelens, Options = new Dictionary<string, string> { ["Name"] = "cloudwatch" } },
            },
            new ContainerDefinition
            {
                Name = "log_router",
                Image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                Essential = true,
                Cpu = 0,
                Memory = 128,
                FirelensConfiguration = new FirelensConfiguration { Type = FirelensConfigurationType.Fluentbit },
            },
        ],
        Volumes = [new Volume { Name = "uploads", EfsVolumeConfiguration = new EFSVolumeConfiguration { FileSystemId = "fs-0123456789abcdef0", TransitEncryption = "ENABLED" } }],
        Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "c1/shop/web" }],
    };
}
