using System.Text.Json;
using EcsOperator.Aws.Model.Ecs;
using Xunit;

namespace EcsOperator.Aws.Tests.Model;

/// <summary>Service requests and descriptions travel in the exact ECS wire form.</summary>
public sealed class ServiceSerializationTests
{
    [Fact]
    public void CreateService_serializes_network_placement_deployment_and_tags_exactly()
    {
        var request = new CreateServiceRequest
        {
            Cluster = "shop",
            ServiceName = "web",
            TaskDefinition = "shop-web:7",
            DesiredCount = 3,
            ClientToken = "5f0c3a4e-0d7e-4c59-9c1f-3b7f2f1a9e10",
            CapacityProviderStrategy =
            [
                new CapacityProviderStrategyItem { CapacityProvider = "FARGATE", Base = 1, Weight = 1 },
                new CapacityProviderStrategyItem { CapacityProvider = "FARGATE_SPOT", Weight = 3 },
            ],
            PlatformVersion = "1.4.0",
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration
                {
                    Subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"],
                    SecurityGroups = ["sg-0123abcd"],
                    AssignPublicIp = AssignPublicIp.Disabled,
                },
            },
            LoadBalancers =
            [
                new LoadBalancer
                {
                    TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef",
                    ContainerName = "web",
                    ContainerPort = 8080,
                },
            ],
            HealthCheckGracePeriodSeconds = 60,
            PlacementConstraints = [new PlacementConstraint { Type = PlacementConstraintType.DistinctInstance }],
            PlacementStrategy =
            [
                new PlacementStrategy { Type = PlacementStrategyType.Spread, Field = "attribute:ecs.availability-zone" },
                new PlacementStrategy { Type = PlacementStrategyType.Binpack, Field = "memory" },
            ],
            DeploymentConfiguration = new DeploymentConfiguration
            {
                MaximumPercent = 200,
                MinimumHealthyPercent = 100,
                Strategy = DeploymentStrategy.Rolling,
                DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
                Alarms = new DeploymentAlarms { AlarmNames = ["web-5xx"], Enable = true, Rollback = false },
            },
            DeploymentController = new DeploymentController { Type = DeploymentControllerType.Ecs },
            SchedulingStrategy = SchedulingStrategy.Replica,
            EnableECSManagedTags = true,
            PropagateTags = PropagateTags.Service,
            EnableExecuteCommand = false,
            ServiceConnectConfiguration = new ServiceConnectConfiguration
            {
                Enabled = true,
                Namespace = "shop.local",
                Services =
                [
                    new ServiceConnectService
                    {
                        PortName = "http",
                        DiscoveryName = "web",
                        ClientAliases = [new ServiceConnectClientAlias { Port = 80, DnsName = "web.shop.local" }],
                    },
                ],
            },
            Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "c1/shop/web" }, new Tag { Key = "team", Value = "checkout" }],
        };

        const string expected = """
            {
              "cluster": "shop",
              "serviceName": "web",
              "taskDefinition": "shop-web:7",
              "loadBalancers": [
                { "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef",
                  "containerName": "web", "containerPort": 8080 }
              ],
              "desiredCount": 3,
              "clientToken": "5f0c3a4e-0d7e-4c59-9c1f-3b7f2f1a9e10",
              "capacityProviderStrategy": [
                { "capacityProvider": "FARGATE", "weight": 1, "base": 1 },
                { "capacityProvider": "FARGATE_SPOT", "weight": 3 }
              ],
              "platformVersion": "1.4.0",
              "deploymentConfiguration": {
                "deploymentCircuitBreaker": { "enable": true, "rollback": true },
                "maximumPercent": 200,
                "minimumHealthyPercent": 100,
                "alarms": { "alarmNames": [ "web-5xx" ], "rollback": false, "enable": true },
                "strategy": "ROLLING"
              },
              "placementConstraints": [ { "type": "distinctInstance" } ],
              "placementStrategy": [
                { "type": "spread", "field": "attribute:ecs.availability-zone" },
                { "type": "binpack", "field": "memory" }
              ],
              "networkConfiguration": {
                "awsvpcConfiguration": {
                  "subnets": [ "subnet-0a1b2c3d", "subnet-4e5f6a7b" ],
                  "securityGroups": [ "sg-0123abcd" ],
                  "assignPublicIp": "DISABLED"
                }
              },
              "healthCheckGracePeriodSeconds": 60,
              "schedulingStrategy": "REPLICA",
              "deploymentController": { "type": "ECS" },
              "tags": [ { "key": "ecs.operator.dev/owner", "value": "c1/shop/web" }, { "key": "team", "value": "checkout" } ],
              "enableECSManagedTags": true,
              "propagateTags": "SERVICE",
              "enableExecuteCommand": false,
              "serviceConnectConfiguration": {
                "enabled": true,
                "namespace": "shop.local",
                "services": [
                  { "portName": "http", "discoveryName": "web", "clientAliases": [ { "port": 80, "dnsName": "web.shop.local" } ] }
                ]
              }
            }
            """;

        JsonAssert.Equal(expected, JsonSerializer.SerializeToNode(request, EcsJsonContext.Default.CreateServiceRequest));
    }

    [Fact]
    public void A_described_service_reads_epoch_timestamps_deployments_events_and_keeps_unknown_enum_values()
    {
        const string response = """
            {
              "services": [
                {
                  "serviceArn": "arn:aws:ecs:eu-west-1:123456789012:service/shop/web",
                  "serviceName": "web",
                  "clusterArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/shop",
                  "status": "ACTIVE",
                  "desiredCount": 3, "runningCount": 2, "pendingCount": 1,
                  "launchType": "SOME_FUTURE_LAUNCH_TYPE",
                  "createdAt": 1700000000,
                  "aBrandNewMember": { "nested": [1, 2, 3] },
                  "deployments": [
                    {
                      "id": "ecs-svc/1234567890123456789",
                      "status": "PRIMARY",
                      "taskDefinition": "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:7",
                      "desiredCount": 3, "pendingCount": 1, "runningCount": 2, "failedTasks": 0,
                      "createdAt": 1700000100.5,
                      "updatedAt": 1700000160.25,
                      "rolloutState": "IN_PROGRESS",
                      "rolloutStateReason": "ECS deployment ecs-svc/1234567890123456789 in progress."
                    }
                  ],
                  "events": [
                    { "id": "e1", "createdAt": 1700000170.999, "message": "(service web) has started 1 tasks." }
                  ],
                  "deploymentConfiguration": { "maximumPercent": 200, "minimumHealthyPercent": 100 },
                  "tags": [ { "key": "team", "value": "checkout" } ]
                }
              ],
              "failures": [ { "arn": "arn:aws:ecs:eu-west-1:123456789012:service/shop/api", "reason": "MISSING" } ]
            }
            """;

        var read = JsonSerializer.Deserialize(response, EcsJsonContext.Default.DescribeServicesResponse)!;

        var service = Assert.Single(read.Services!);
        Assert.Equal("SOME_FUTURE_LAUNCH_TYPE", service.LaunchType);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), service.CreatedAt);
        var deployment = Assert.Single(service.Deployments!);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_100_500), deployment.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_160_250), deployment.UpdatedAt);
        Assert.Equal(DeploymentRolloutState.InProgress, deployment.RolloutState);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_170_999), service.Events![0].CreatedAt);
        Assert.Equal(100, service.DeploymentConfiguration!.MinimumHealthyPercent);
        Assert.Equal("MISSING", Assert.Single(read.Failures!).Reason);
    }
}
