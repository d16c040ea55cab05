using System.Text.Json;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using Xunit;

namespace EcsOperator.Aws.Tests.Model;

/// <summary>Application Auto Scaling speaks PascalCase JSON; the records must too.</summary>
public sealed class ScalingPolicySerializationTests
{
    [Fact]
    public void A_target_tracking_policy_on_metric_math_serializes_in_PascalCase()
    {
        var request = new PutScalingPolicyRequest
        {
            PolicyName = "web-requests-per-task",
            ServiceNamespace = ServiceNamespace.Ecs,
            ResourceId = "service/shop/web",
            ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
            PolicyType = PolicyType.TargetTrackingScaling,
            TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration
            {
                TargetValue = 100.5,
                ScaleInCooldown = 300,
                ScaleOutCooldown = 60,
                DisableScaleIn = false,
                CustomizedMetricSpecification = new CustomizedMetricSpecification
                {
                    Metrics =
                    [
                        new TargetTrackingMetricDataQuery
                        {
                            Id = "requests",
                            ReturnData = false,
                            MetricStat = new TargetTrackingMetricStat
                            {
                                Stat = "Sum",
                                Metric = new TargetTrackingMetric
                                {
                                    Namespace = "AWS/ApplicationELB",
                                    MetricName = "RequestCount",
                                    Dimensions = [new TargetTrackingMetricDimension { Name = "TargetGroup", Value = "targetgroup/web/0123" }],
                                },
                            },
                        },
                        new TargetTrackingMetricDataQuery
                        {
                            Id = "tasks",
                            ReturnData = false,
                            MetricStat = new TargetTrackingMetricStat
                            {
                                Stat = "Average",
                                Metric = new TargetTrackingMetric
                                {
                                    Namespace = "ECS/ContainerInsights",
                                    MetricName = "RunningTaskCount",
                                    Dimensions =
                                    [
                                        new TargetTrackingMetricDimension { Name = "ClusterName", Value = "shop" },
                                        new TargetTrackingMetricDimension { Name = "ServiceName", Value = "web" },
                                    ],
                                },
                            },
                        },
                        new TargetTrackingMetricDataQuery { Id = "perTask", Expression = "requests / tasks", Label = "Requests per task", ReturnData = true },
                    ],
                },
            },
        };

        const string expected = """
            {
              "PolicyName": "web-requests-per-task",
              "ServiceNamespace": "ecs",
              "ResourceId": "service/shop/web",
              "ScalableDimension": "ecs:service:DesiredCount",
              "PolicyType": "TargetTrackingScaling",
              "TargetTrackingScalingPolicyConfiguration": {
                "TargetValue": 100.5,
                "CustomizedMetricSpecification": {
                  "Metrics": [
                    { "Id": "requests", "ReturnData": false, "MetricStat": { "Stat": "Sum", "Metric": {
                        "Namespace": "AWS/ApplicationELB", "MetricName": "RequestCount",
                        "Dimensions": [ { "Name": "TargetGroup", "Value": "targetgroup/web/0123" } ] } } },
                    { "Id": "tasks", "ReturnData": false, "MetricStat": { "Stat": "Average", "Metric": {
                        "Namespace": "ECS/ContainerInsights", "MetricName": "RunningTaskCount",
                        "Dimensions": [ { "Name": "ClusterName", "Value": "shop" }, { "Name": "ServiceName", "Value": "web" } ] } } },
                    { "Id": "perTask", "Expression": "requests / tasks", "Label": "Requests per task", "ReturnData": true }
                  ]
                },
                "ScaleOutCooldown": 60,
                "ScaleInCooldown": 300,
                "DisableScaleIn": false
              }
            }
            """;

        JsonAssert.Equal(expected, JsonSerializer.SerializeToNode(request, ApplicationAutoScalingJsonContext.Default.PutScalingPolicyRequest));
    }

    [Fact]
    public void Described_step_scaling_policies_read_alarms_bounds_and_creation_time()
    {
        const string response = """
            {
              "ScalingPolicies": [
                {
                  "PolicyARN": "arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:abc:resource/ecs/service/shop/web:policyName/scale-out",
                  "PolicyName": "scale-out",
                  "ServiceNamespace": "ecs",
                  "ResourceId": "service/shop/web",
                  "ScalableDimension": "ecs:service:DesiredCount",
                  "PolicyType": "StepScaling",
                  "StepScalingPolicyConfiguration": {
                    "AdjustmentType": "ChangeInCapacity",
                    "StepAdjustments": [
                      { "MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 10.5, "ScalingAdjustment": 1 },
                      { "MetricIntervalLowerBound": 10.5, "ScalingAdjustment": 3 }
                    ],
                    "Cooldown": 120,
                    "MetricAggregationType": "Average"
                  },
                  "Alarms": [ { "AlarmName": "web-high-cpu", "AlarmARN": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:web-high-cpu" } ],
                  "CreationTime": 1700000000.5
                }
              ],
              "NextToken": "page-2"
            }
            """;

        var read = JsonSerializer.Deserialize(response, ApplicationAutoScalingJsonContext.Default.DescribeScalingPoliciesResponse)!;

        var policy = Assert.Single(read.ScalingPolicies!);
        var steps = policy.StepScalingPolicyConfiguration!.StepAdjustments!;
        Assert.Equal(10.5, steps[0].MetricIntervalUpperBound);
        Assert.Null(steps[1].MetricIntervalUpperBound);
        Assert.Equal(3, steps[1].ScalingAdjustment);
        Assert.Equal("web-high-cpu", policy.Alarms![0].AlarmName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), policy.CreationTime);
        Assert.Equal("page-2", read.NextToken);
    }
}
