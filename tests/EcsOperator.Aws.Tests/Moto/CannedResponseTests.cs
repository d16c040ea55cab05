using System.Text.Json.Nodes;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Tests.Model;
using EcsOperator.Aws.Tests.Transport;
using EcsOperator.Aws.Transport;
using Xunit;

namespace EcsOperator.Aws.Tests.Moto;

/// <summary>
/// The operations moto 5.2 does not implement (ListServiceDeployments, DescribeServiceDeployments,
/// DescribeScalingActivities), tested through the typed client and the real transport against a loopback server that
/// answers with response bodies in the shape the AWS API reference documents.
/// </summary>
public sealed class CannedResponseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListServiceDeployments_pages_through_deployment_briefs()
    {
        LoopbackAwsServer? self = null;
        await using var server = self = await LoopbackAwsServer.StartAsync((context, number) =>
        {
            var body = JsonNode.Parse(self!.Requests[number - 1].Body)!;
            return LoopbackAwsServer.WriteJsonAsync(context, (string?)body["nextToken"] switch
            {
                null => """
                    {
                      "serviceDeployments": [
                        {
                          "serviceDeploymentArn": "arn:aws:ecs:eu-west-1:123456789012:service-deployment/shop/web/AbC123",
                          "serviceArn": "arn:aws:ecs:eu-west-1:123456789012:service/shop/web",
                          "clusterArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/shop",
                          "startedAt": 1700000100.25,
                          "createdAt": 1700000099,
                          "targetServiceRevisionArn": "arn:aws:ecs:eu-west-1:123456789012:service-revision/shop/web/111",
                          "status": "IN_PROGRESS"
                        }
                      ],
                      "nextToken": "page-2"
                    }
                    """,
                _ => """
                    {
                      "serviceDeployments": [
                        {
                          "serviceDeploymentArn": "arn:aws:ecs:eu-west-1:123456789012:service-deployment/shop/web/XyZ789",
                          "finishedAt": 1699990000.5,
                          "status": "ROLLBACK_SUCCESSFUL",
                          "statusReason": "Circuit breaker triggered a rollback."
                        }
                      ]
                    }
                    """,
            });
        });
        using var apis = new MotoApis(server.Endpoint);

        var deployments = await apis.Ecs.ListAllServiceDeploymentsAsync(
            new ListServiceDeploymentsRequest
            {
                Cluster = "shop",
                Service = "web",
                Status = [ServiceDeploymentStatus.InProgress, ServiceDeploymentStatus.RollbackSuccessful],
                CreatedAt = new CreatedAt { After = DateTimeOffset.FromUnixTimeSeconds(1_699_000_000) },
            },
            Ct);

        Assert.Equal(2, deployments.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_100_250), deployments[0].StartedAt);
        Assert.Equal(ServiceDeploymentStatus.RollbackSuccessful, deployments[1].Status);
        Assert.Equal("Circuit breaker triggered a rollback.", deployments[1].StatusReason);

        var requests = server.Requests;
        Assert.Equal(
            ["AmazonEC2ContainerServiceV20141113.ListServiceDeployments", "AmazonEC2ContainerServiceV20141113.ListServiceDeployments"],
            requests.Select(r => r.Headers["X-Amz-Target"]));
        JsonAssert.Equal(
            """
            { "service": "web", "cluster": "shop", "status": ["IN_PROGRESS", "ROLLBACK_SUCCESSFUL"], "createdAt": { "after": 1699000000 } }
            """,
            JsonNode.Parse(requests[0].Body));
        Assert.Equal("page-2", (string?)JsonNode.Parse(requests[1].Body)!["nextToken"]);
    }

    [Fact]
    public async Task DescribeServiceDeployments_reads_revisions_rollback_circuit_breaker_and_alarms()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) => LoopbackAwsServer.WriteJsonAsync(context, """
            {
              "serviceDeployments": [
                {
                  "serviceDeploymentArn": "arn:aws:ecs:eu-west-1:123456789012:service-deployment/shop/web/AbC123",
                  "serviceArn": "arn:aws:ecs:eu-west-1:123456789012:service/shop/web",
                  "clusterArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/shop",
                  "createdAt": 1700000099,
                  "startedAt": 1700000100,
                  "finishedAt": 1700000400.75,
                  "updatedAt": 1700000400.75,
                  "sourceServiceRevisions": [
                    { "arn": "arn:aws:ecs:eu-west-1:123456789012:service-revision/shop/web/110", "requestedTaskCount": 3, "runningTaskCount": 3, "pendingTaskCount": 0 }
                  ],
                  "targetServiceRevision": {
                    "arn": "arn:aws:ecs:eu-west-1:123456789012:service-revision/shop/web/111", "requestedTaskCount": 3, "runningTaskCount": 0, "pendingTaskCount": 0
                  },
                  "status": "ROLLBACK_SUCCESSFUL",
                  "statusReason": "Deployment failed: tasks failed to start.",
                  "lifecycleStage": "CLEAN_UP",
                  "deploymentConfiguration": {
                    "deploymentCircuitBreaker": { "enable": true, "rollback": true },
                    "maximumPercent": 200,
                    "minimumHealthyPercent": 100,
                    "strategy": "ROLLING"
                  },
                  "rollback": {
                    "reason": "Circuit breaker",
                    "startedAt": 1700000300,
                    "serviceRevisionArn": "arn:aws:ecs:eu-west-1:123456789012:service-revision/shop/web/110"
                  },
                  "deploymentCircuitBreaker": { "status": "TRIGGERED", "failureCount": 3, "threshold": 3 },
                  "alarms": { "status": "MONITORING", "alarmNames": ["web-5xx"], "triggeredAlarmNames": [] }
                }
              ],
              "failures": [
                { "arn": "arn:aws:ecs:eu-west-1:123456789012:service-deployment/shop/web/Gone", "reason": "MISSING" }
              ]
            }
            """));
        using var apis = new MotoApis(server.Endpoint);

        var response = await apis.Ecs.DescribeServiceDeploymentsAsync(
            new DescribeServiceDeploymentsRequest
            {
                ServiceDeploymentArns =
                [
                    "arn:aws:ecs:eu-west-1:123456789012:service-deployment/shop/web/AbC123",
                    "arn:aws:ecs:eu-west-1:123456789012:service-deployment/shop/web/Gone",
                ],
            },
            Ct);

        var deployment = Assert.Single(response.ServiceDeployments!);
        Assert.Equal(3, deployment.SourceServiceRevisions![0].RunningTaskCount);
        Assert.EndsWith("/111", deployment.TargetServiceRevision!.Arn, StringComparison.Ordinal);
        Assert.Equal(ServiceDeploymentLifecycleStage.CleanUp, deployment.LifecycleStage);
        Assert.Equal("Circuit breaker", deployment.Rollback!.Reason);
        Assert.Equal((ServiceDeploymentRollbackMonitorsStatus.Triggered, 3, 3),
            (deployment.DeploymentCircuitBreaker!.Status, deployment.DeploymentCircuitBreaker.FailureCount, deployment.DeploymentCircuitBreaker.Threshold));
        Assert.Equal(["web-5xx"], deployment.Alarms!.AlarmNames!);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_400_750), deployment.FinishedAt);
        Assert.Equal(EcsFailureReasons.Missing, Assert.Single(response.Failures!).Reason);
        Assert.Equal("AmazonEC2ContainerServiceV20141113.DescribeServiceDeployments", server.Requests[0].Headers["X-Amz-Target"]);
    }

    [Fact]
    public async Task ListServiceDeployments_for_an_unknown_service_is_NotFound()
    {
        await using var server = await LoopbackAwsServer.StartAsync((context, _) =>
            LoopbackAwsServer.WriteErrorAsync(context, 400, "ServiceNotFoundException", "Service not found."));
        using var apis = new MotoApis(server.Endpoint);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            apis.Ecs.ListServiceDeploymentsAsync(new ListServiceDeploymentsRequest { Cluster = "shop", Service = "nope" }, Ct));

        Assert.Equal(AwsErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task DescribeScalingActivities_pages_through_activities_with_not_scaled_reasons()
    {
        LoopbackAwsServer? self = null;
        await using var server = self = await LoopbackAwsServer.StartAsync((context, number) =>
        {
            var body = JsonNode.Parse(self!.Requests[number - 1].Body)!;
            return LoopbackAwsServer.WriteJsonAsync(context, (string?)body["NextToken"] switch
            {
                null => """
                    {
                      "ScalingActivities": [
                        {
                          "ActivityId": "e6c3f8a0-1",
                          "ServiceNamespace": "ecs",
                          "ResourceId": "service/shop/web",
                          "ScalableDimension": "ecs:service:DesiredCount",
                          "Description": "Setting desired count to 4.",
                          "Cause": "monitor alarm web-cpu-high in state ALARM triggered policy cpu",
                          "StartTime": 1700000000.123,
                          "EndTime": 1700000060,
                          "StatusCode": "Successful",
                          "StatusMessage": "Successfully set desired count to 4."
                        }
                      ],
                      "NextToken": "n2"
                    }
                    """,
                _ => """
                    {
                      "ScalingActivities": [
                        {
                          "ActivityId": "e6c3f8a0-2",
                          "StatusCode": "Failed",
                          "StartTime": 1700000100,
                          "NotScaledReasons": [ { "Code": "AlreadyAtMaxCapacity", "MaxCapacity": 10, "CurrentCapacity": 10 } ]
                        }
                      ]
                    }
                    """,
            });
        });
        using var apis = new MotoApis(server.Endpoint);

        var activities = await apis.AutoScaling.DescribeAllScalingActivitiesAsync(
            new DescribeScalingActivitiesRequest
            {
                ServiceNamespace = ServiceNamespace.Ecs,
                ResourceId = "service/shop/web",
                ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
                IncludeNotScaledActivities = true,
            },
            Ct);

        Assert.Equal(["e6c3f8a0-1", "e6c3f8a0-2"], activities.Select(a => a.ActivityId));
        Assert.Equal(ScalingActivityStatusCode.Successful, activities[0].StatusCode);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), activities[0].StartTime);
        var reason = Assert.Single(activities[1].NotScaledReasons!);
        Assert.Equal(("AlreadyAtMaxCapacity", 10, 10), (reason.Code, reason.MaxCapacity, reason.CurrentCapacity));

        var requests = server.Requests;
        Assert.All(requests, r => Assert.Equal("AnyScaleFrontendService.DescribeScalingActivities", r.Headers["X-Amz-Target"]));
        JsonAssert.Equal(
            """
            { "ServiceNamespace": "ecs", "ResourceId": "service/shop/web", "ScalableDimension": "ecs:service:DesiredCount", "IncludeNotScaledActivities": true }
            """,
            JsonNode.Parse(requests[0].Body));
        Assert.Equal("n2", (string?)JsonNode.Parse(requests[1].Body)!["NextToken"]);
    }
}
