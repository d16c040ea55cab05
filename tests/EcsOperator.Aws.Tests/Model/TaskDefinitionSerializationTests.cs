using System.Text.Json;
using EcsOperator.Aws.Model.Ecs;
using Xunit;

namespace EcsOperator.Aws.Tests.Model;

/// <summary>A realistic RegisterTaskDefinition request serializes to exactly the JSON the ECS API documents.</summary>
public sealed class TaskDefinitionSerializationTests
{
    private static readonly RegisterTaskDefinitionRequest Request = new()
    {
        Family = "shop-web",
        TaskRoleArn = "arn:aws:iam::123456789012:role/shop-web-task",
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
        NetworkMode = NetworkMode.Awsvpc,
        RequiresCompatibilities = [Compatibility.Fargate],
        Cpu = "1024",
        Memory = "2048",
        RuntimePlatform = new RuntimePlatform { CpuArchitecture = CPUArchitecture.Arm64, OperatingSystemFamily = OSFamily.Linux },
        EphemeralStorage = new EphemeralStorage { SizeInGiB = 30 },
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1.4.2",
                Essential = true,
                PortMappings = [new PortMapping { Name = "http", ContainerPort = 8080, Protocol = TransportProtocol.Tcp, AppProtocol = ApplicationProtocol.Http }],
                Environment = [new NameValuePair { Name = "ASPNETCORE_ENVIRONMENT", Value = "Production" }],
                EnvironmentFiles = [new EnvironmentFile { Type = EnvironmentFileType.S3, Value = "arn:aws:s3:::shop-config/web.env" }],
                Secrets =
                [
                    new Secret { Name = "DB_PASSWORD", ValueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf:password::" },
                    new Secret { Name = "API_KEY", ValueFrom = "arn:aws:ssm:eu-west-1:123456789012:parameter/shop/api-key" },
                ],
                MountPoints = [new MountPoint { SourceVolume = "uploads", ContainerPath = "/app/uploads", ReadOnly = false }],
                HealthCheck = new HealthCheck
                {
                    Command = ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"],
                    Interval = 15,
                    Timeout = 5,
                    Retries = 3,
                    StartPeriod = 30,
                },
                DependsOn = [new ContainerDependency { ContainerName = "log_router", Condition = ContainerCondition.Start }],
                LogConfiguration = new LogConfiguration
                {
                    LogDriver = LogDriver.Awsfirelens,
                    Options = new Dictionary<string, string> { ["Name"] = "cloudwatch_logs", ["region"] = "eu-west-1" },
                },
                Ulimits = [new Ulimit { Name = UlimitName.Nofile, SoftLimit = 65536, HardLimit = 65536 }],
                LinuxParameters = new LinuxParameters { InitProcessEnabled = true },
                StopTimeout = 60,
            },
            new ContainerDefinition
            {
                Name = "log_router",
                Image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                Essential = true,
                FirelensConfiguration = new FirelensConfiguration
                {
                    Type = FirelensConfigurationType.Fluentbit,
                    Options = new Dictionary<string, string> { ["enable-ecs-log-metadata"] = "true" },
                },
                MemoryReservation = 50,
                User = "0",
            },
            new ContainerDefinition
            {
                Name = "xray",
                Image = "public.ecr.aws/xray/aws-xray-daemon:3.x",
                Essential = false,
                Cpu = 32,
                MemoryReservation = 256,
                Command = ["--local-mode"],
                PortMappings = [new PortMapping { ContainerPort = 2000, Protocol = TransportProtocol.Udp }],
            },
        ],
        Volumes =
        [
            new Volume
            {
                Name = "uploads",
                EfsVolumeConfiguration = new EFSVolumeConfiguration
                {
                    FileSystemId = "fs-0123456789abcdef0",
                    RootDirectory = "/",
                    TransitEncryption = EFSTransitEncryption.Enabled,
                    AuthorizationConfig = new EFSAuthorizationConfig { AccessPointId = "fsap-0123456789abcdef0", Iam = EFSAuthorizationConfigIAM.Enabled },
                },
            },
        ],
        Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "c1/shop/web" }],
    };

    private const string ExpectedJson = """
        {
          "family": "shop-web",
          "taskRoleArn": "arn:aws:iam::123456789012:role/shop-web-task",
          "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
          "networkMode": "awsvpc",
          "containerDefinitions": [
            {
              "name": "web",
              "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1.4.2",
              "portMappings": [ { "containerPort": 8080, "protocol": "tcp", "name": "http", "appProtocol": "http" } ],
              "essential": true,
              "environment": [ { "name": "ASPNETCORE_ENVIRONMENT", "value": "Production" } ],
              "environmentFiles": [ { "value": "arn:aws:s3:::shop-config/web.env", "type": "s3" } ],
              "mountPoints": [ { "sourceVolume": "uploads", "containerPath": "/app/uploads", "readOnly": false } ],
              "linuxParameters": { "initProcessEnabled": true },
              "secrets": [
                { "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:shop/db-AbCdEf:password::" },
                { "name": "API_KEY", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/shop/api-key" }
              ],
              "dependsOn": [ { "containerName": "log_router", "condition": "START" } ],
              "stopTimeout": 60,
              "ulimits": [ { "name": "nofile", "softLimit": 65536, "hardLimit": 65536 } ],
              "logConfiguration": { "logDriver": "awsfirelens", "options": { "Name": "cloudwatch_logs", "region": "eu-west-1" } },
              "healthCheck": {
                "command": [ "CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1" ],
                "interval": 15, "timeout": 5, "retries": 3, "startPeriod": 30
              }
            },
            {
              "name": "log_router",
              "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
              "memoryReservation": 50,
              "essential": true,
              "user": "0",
              "firelensConfiguration": { "type": "fluentbit", "options": { "enable-ecs-log-metadata": "true" } }
            },
            {
              "name": "xray",
              "image": "public.ecr.aws/xray/aws-xray-daemon:3.x",
              "cpu": 32,
              "memoryReservation": 256,
              "portMappings": [ { "containerPort": 2000, "protocol": "udp" } ],
              "essential": false,
              "command": [ "--local-mode" ]
            }
          ],
          "volumes": [
            {
              "name": "uploads",
              "efsVolumeConfiguration": {
                "fileSystemId": "fs-0123456789abcdef0",
                "rootDirectory": "/",
                "transitEncryption": "ENABLED",
                "authorizationConfig": { "accessPointId": "fsap-0123456789abcdef0", "iam": "ENABLED" }
              }
            }
          ],
          "requiresCompatibilities": [ "FARGATE" ],
          "cpu": "1024",
          "memory": "2048",
          "tags": [ { "key": "ecs.operator.dev/owner", "value": "c1/shop/web" } ],
          "ephemeralStorage": { "sizeInGiB": 30 },
          "runtimePlatform": { "cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX" }
        }
        """;

    [Fact]
    public void Serializes_to_the_exact_AWS_JSON_with_nulls_omitted()
    {
        var actual = JsonSerializer.SerializeToNode(Request, EcsJsonContext.Default.RegisterTaskDefinitionRequest);

        JsonAssert.Equal(ExpectedJson, actual);
    }

    [Fact]
    public void Reading_the_AWS_JSON_gives_back_the_same_request()
    {
        var read = JsonSerializer.Deserialize(ExpectedJson, EcsJsonContext.Default.RegisterTaskDefinitionRequest)!;

        // Records compare lists by reference, so compare through the wire form and spot-check typed values.
        JsonAssert.Equal(ExpectedJson, JsonSerializer.SerializeToNode(read, EcsJsonContext.Default.RegisterTaskDefinitionRequest));
        Assert.Equal(3, read.ContainerDefinitions!.Count);
        Assert.Equal("API_KEY", read.ContainerDefinitions[0].Secrets![1].Name);
        Assert.Equal(30, read.ContainerDefinitions[0].HealthCheck!.StartPeriod);
        Assert.Equal("true", read.ContainerDefinitions[1].FirelensConfiguration!.Options!["enable-ecs-log-metadata"]);
        Assert.Equal(EFSAuthorizationConfigIAM.Enabled, read.Volumes![0].EfsVolumeConfiguration!.AuthorizationConfig!.Iam);
    }

    [Fact]
    public void A_described_task_definition_with_tags_reads_every_part()
    {
        const string response = """
            {
              "taskDefinition": {
                "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:7",
                "family": "shop-web",
                "revision": 7,
                "status": "ACTIVE",
                "containerDefinitions": [ { "name": "web", "image": "nginx", "essential": true, "futureMember": { "x": 1 } } ],
                "requiresAttributes": [ { "name": "com.amazonaws.ecs.capability.docker-remote-api.1.18" } ],
                "compatibilities": [ "EC2", "FARGATE" ],
                "registeredAt": 1700000000.123,
                "registeredBy": "arn:aws:sts::123456789012:assumed-role/ecs-operator/abc"
              },
              "tags": [ { "key": "ecs.operator.dev/spec-hash", "value": "9f2c" } ]
            }
            """;

        var read = JsonSerializer.Deserialize(response, EcsJsonContext.Default.DescribeTaskDefinitionResponse)!;

        Assert.Equal(7, read.TaskDefinition!.Revision);
        Assert.Equal(["EC2", "FARGATE"], read.TaskDefinition.Compatibilities!);
        Assert.Equal("com.amazonaws.ecs.capability.docker-remote-api.1.18", read.TaskDefinition.RequiresAttributes![0].Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), read.TaskDefinition.RegisteredAt);
        Assert.Equal("9f2c", read.Tags![0].Value);
    }
}
