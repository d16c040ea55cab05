using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Model.ApplicationAutoScaling;
using EcsOperator.Aws.Tests.Model;
using EcsOperator.Aws.Transport;
using Xunit;

namespace EcsOperator.Aws.Tests.Clients;

public sealed class ApplicationAutoScalingClientTests
{
    private readonly FakeTransport _transport = new();
    private readonly ApplicationAutoScalingClient _client;

    public ApplicationAutoScalingClientTests() => _client = new ApplicationAutoScalingClient(_transport);

    public static TheoryData<string, string, OperationFamily> Operations => new()
    {
        { "RegisterScalableTarget", "AnyScaleFrontendService.RegisterScalableTarget", OperationFamily.Mutate },
        { "DescribeScalableTargets", "AnyScaleFrontendService.DescribeScalableTargets", OperationFamily.Read },
        { "DeregisterScalableTarget", "AnyScaleFrontendService.DeregisterScalableTarget", OperationFamily.Mutate },
        { "PutScalingPolicy", "AnyScaleFrontendService.PutScalingPolicy", OperationFamily.Mutate },
        { "DescribeScalingPolicies", "AnyScaleFrontendService.DescribeScalingPolicies", OperationFamily.Read },
        { "DeleteScalingPolicy", "AnyScaleFrontendService.DeleteScalingPolicy", OperationFamily.Mutate },
        { "PutScheduledAction", "AnyScaleFrontendService.PutScheduledAction", OperationFamily.Mutate },
        { "DescribeScheduledActions", "AnyScaleFrontendService.DescribeScheduledActions", OperationFamily.Read },
        { "DeleteScheduledAction", "AnyScaleFrontendService.DeleteScheduledAction", OperationFamily.Mutate },
        { "DescribeScalingActivities", "AnyScaleFrontendService.DescribeScalingActivities", OperationFamily.Read },
        { "TagResource", "AnyScaleFrontendService.TagResource", OperationFamily.Mutate },
        { "ListTagsForResource", "AnyScaleFrontendService.ListTagsForResource", OperationFamily.Read },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_method_sends_its_operation_with_the_right_target_and_rate_limit_family(
        string operation, string target, OperationFamily family)
    {
        var method = typeof(IApplicationAutoScalingApi).GetMethod(operation + "Async")!;
        var request = Activator.CreateInstance(method.GetParameters()[0].ParameterType)!;

        await (Task)method.Invoke(_client, [request, TestContext.Current.CancellationToken])!;

        var call = Assert.Single(_transport.Calls);
        Assert.Equal(target, call.Operation.Target);
        Assert.Equal(family, call.Operation.Family);
        Assert.Same(AwsService.ApplicationAutoScaling, call.Operation.Service);
    }

    [Fact]
    public void The_operation_table_covers_every_method_of_the_interface()
    {
        var methods = typeof(IApplicationAutoScalingApi).GetMethods().Select(m => m.Name[..^"Async".Length]).Order(StringComparer.Ordinal);

        Assert.Equal(methods, ApplicationAutoScalingOperations.All.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.Equal(methods, Operations.Select(row => (string)row.Data.Item1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Registering_a_target_sends_PascalCase_JSON()
    {
        await _client.RegisterScalableTargetAsync(
            new RegisterScalableTargetRequest
            {
                ServiceNamespace = ServiceNamespace.Ecs,
                ResourceId = "service/shop/web",
                ScalableDimension = ScalableDimension.EcsServiceDesiredCount,
                MinCapacity = 2,
                MaxCapacity = 10,
                SuspendedState = new SuspendedState { ScheduledScalingSuspended = false },
                Tags = new Dictionary<string, string> { ["ecs.operator.dev/owner"] = "c1/shop/web" },
            },
            TestContext.Current.CancellationToken);

        JsonAssert.Equal(
            """
            {
              "ServiceNamespace": "ecs", "ResourceId": "service/shop/web", "ScalableDimension": "ecs:service:DesiredCount",
              "MinCapacity": 2, "MaxCapacity": 10,
              "SuspendedState": { "ScheduledScalingSuspended": false },
              "Tags": { "ecs.operator.dev/owner": "c1/shop/web" }
            }
            """,
            _transport.Calls[0].Request);
    }

    [Fact]
    public async Task Describe_all_helpers_follow_NextToken_and_keep_the_filters_on_every_page()
    {
        _transport.Respond = (operation, request) => (operation.Name, (string?)request["NextToken"]) switch
        {
            ("DescribeScalableTargets", null) => """{ "ScalableTargets": [ { "ResourceId": "service/shop/web", "MinCapacity": 2 } ], "NextToken": "p2" }""",
            ("DescribeScalableTargets", "p2") => """{ "ScalableTargets": [ { "ResourceId": "service/shop/api", "MinCapacity": 1 } ] }""",
            ("DescribeScalingPolicies", null) => """{ "ScalingPolicies": [ { "PolicyName": "cpu" } ], "NextToken": "p2" }""",
            ("DescribeScalingPolicies", "p2") => """{ "ScalingPolicies": [ { "PolicyName": "memory" } ], "NextToken": "p3" }""",
            ("DescribeScalingPolicies", "p3") => """{ "ScalingPolicies": [] }""",
            ("DescribeScheduledActions", null) => """{ "ScheduledActions": [ { "ScheduledActionName": "night", "Schedule": "cron(0 22 * * ? *)" } ], "NextToken": "p2" }""",
            ("DescribeScheduledActions", "p2") => """{ "ScheduledActions": [ { "ScheduledActionName": "morning" } ] }""",
            ("DescribeScalingActivities", null) => """{ "ScalingActivities": [ { "ActivityId": "a1", "StatusCode": "Successful", "StartTime": 1700000000.5 } ], "NextToken": "p2" }""",
            ("DescribeScalingActivities", "p2") => """{ "ScalingActivities": [ { "ActivityId": "a2", "StatusCode": "InProgress" } ] }""",
            var other => throw new InvalidOperationException($"unexpected {other}"),
        };
        var ct = TestContext.Current.CancellationToken;

        var targets = await _client.DescribeAllScalableTargetsAsync(
            new DescribeScalableTargetsRequest { ServiceNamespace = ServiceNamespace.Ecs, ResourceIds = ["service/shop/web", "service/shop/api"] }, ct);
        var policies = await _client.DescribeAllScalingPoliciesAsync(
            new DescribeScalingPoliciesRequest { ServiceNamespace = ServiceNamespace.Ecs, ResourceId = "service/shop/web" }, ct);
        var actions = await _client.DescribeAllScheduledActionsAsync(
            new DescribeScheduledActionsRequest { ServiceNamespace = ServiceNamespace.Ecs, ResourceId = "service/shop/web" }, ct);
        var activities = await _client.DescribeAllScalingActivitiesAsync(
            new DescribeScalingActivitiesRequest { ServiceNamespace = ServiceNamespace.Ecs, ResourceId = "service/shop/web" }, ct);

        Assert.Equal(["service/shop/web", "service/shop/api"], targets.Select(t => t.ResourceId));
        Assert.Equal(["cpu", "memory"], policies.Select(p => p.PolicyName));
        Assert.Equal(["night", "morning"], actions.Select(a => a.ScheduledActionName));
        Assert.Equal(["a1", "a2"], activities.Select(a => a.ActivityId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500), activities[0].StartTime);
        Assert.Equal(9, _transport.Calls.Count);
        Assert.All(_transport.Calls, c => Assert.Equal("ecs", (string?)c.Request["ServiceNamespace"]));
        Assert.All(
            _transport.Calls.Where(c => c.Operation.Name != "DescribeScalableTargets"),
            c => Assert.Equal("service/shop/web", (string?)c.Request["ResourceId"]));
    }
}
