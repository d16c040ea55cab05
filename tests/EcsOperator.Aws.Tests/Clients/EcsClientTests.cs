using System.Text.Json.Nodes;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Aws.Tests.Model;
using EcsOperator.Aws.Transport;
using Xunit;

namespace EcsOperator.Aws.Tests.Clients;

public sealed class EcsClientTests
{
    private readonly FakeTransport _transport = new();
    private readonly EcsClient _ecs;

    public EcsClientTests() => _ecs = new EcsClient(_transport);

    public static TheoryData<string, string, OperationFamily> Operations => new()
    {
        { "CreateCluster", "AmazonEC2ContainerServiceV20141113.CreateCluster", OperationFamily.Mutate },
        { "DescribeClusters", "AmazonEC2ContainerServiceV20141113.DescribeClusters", OperationFamily.Read },
        { "UpdateCluster", "AmazonEC2ContainerServiceV20141113.UpdateCluster", OperationFamily.Mutate },
        { "DeleteCluster", "AmazonEC2ContainerServiceV20141113.DeleteCluster", OperationFamily.Mutate },
        { "PutClusterCapacityProviders", "AmazonEC2ContainerServiceV20141113.PutClusterCapacityProviders", OperationFamily.Mutate },
        { "RegisterTaskDefinition", "AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition", OperationFamily.Mutate },
        { "DescribeTaskDefinition", "AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition", OperationFamily.Read },
        { "ListTaskDefinitions", "AmazonEC2ContainerServiceV20141113.ListTaskDefinitions", OperationFamily.Read },
        { "ListTaskDefinitionFamilies", "AmazonEC2ContainerServiceV20141113.ListTaskDefinitionFamilies", OperationFamily.Read },
        { "DeregisterTaskDefinition", "AmazonEC2ContainerServiceV20141113.DeregisterTaskDefinition", OperationFamily.Mutate },
        { "DeleteTaskDefinitions", "AmazonEC2ContainerServiceV20141113.DeleteTaskDefinitions", OperationFamily.Mutate },
        { "CreateService", "AmazonEC2ContainerServiceV20141113.CreateService", OperationFamily.Mutate },
        { "DescribeServices", "AmazonEC2ContainerServiceV20141113.DescribeServices", OperationFamily.Read },
        { "UpdateService", "AmazonEC2ContainerServiceV20141113.UpdateService", OperationFamily.Mutate },
        { "DeleteService", "AmazonEC2ContainerServiceV20141113.DeleteService", OperationFamily.Mutate },
        { "ListServices", "AmazonEC2ContainerServiceV20141113.ListServices", OperationFamily.Read },
        { "ListServiceDeployments", "AmazonEC2ContainerServiceV20141113.ListServiceDeployments", OperationFamily.Read },
        { "DescribeServiceDeployments", "AmazonEC2ContainerServiceV20141113.DescribeServiceDeployments", OperationFamily.Read },
        { "RunTask", "AmazonEC2ContainerServiceV20141113.RunTask", OperationFamily.RunTask },
        { "DescribeTasks", "AmazonEC2ContainerServiceV20141113.DescribeTasks", OperationFamily.Read },
        { "StopTask", "AmazonEC2ContainerServiceV20141113.StopTask", OperationFamily.Mutate },
        { "ListTasks", "AmazonEC2ContainerServiceV20141113.ListTasks", OperationFamily.Read },
        { "TagResource", "AmazonEC2ContainerServiceV20141113.TagResource", OperationFamily.Mutate },
        { "ListTagsForResource", "AmazonEC2ContainerServiceV20141113.ListTagsForResource", OperationFamily.Read },
        { "StopServiceDeployment", "AmazonEC2ContainerServiceV20141113.StopServiceDeployment", OperationFamily.Mutate },
        { "CreateCapacityProvider", "AmazonEC2ContainerServiceV20141113.CreateCapacityProvider", OperationFamily.Mutate },
        { "UpdateCapacityProvider", "AmazonEC2ContainerServiceV20141113.UpdateCapacityProvider", OperationFamily.Mutate },
        { "DeleteCapacityProvider", "AmazonEC2ContainerServiceV20141113.DeleteCapacityProvider", OperationFamily.Mutate },
        { "DescribeCapacityProviders", "AmazonEC2ContainerServiceV20141113.DescribeCapacityProviders", OperationFamily.Read },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_method_sends_its_operation_with_the_right_target_and_rate_limit_family(
        string operation, string target, OperationFamily family)
    {
        var method = typeof(IEcsApi).GetMethod(operation + "Async")!;
        var request = Activator.CreateInstance(method.GetParameters()[0].ParameterType)!;

        var task = (Task)method.Invoke(_ecs, [request, TestContext.Current.CancellationToken])!;
        await task;

        var call = Assert.Single(_transport.Calls);
        Assert.Equal(target, call.Operation.Target);
        Assert.Equal(family, call.Operation.Family);
        Assert.Same(AwsService.Ecs, call.Operation.Service);
        Assert.NotNull(task.GetType().GetProperty("Result")!.GetValue(task));
    }

    [Fact]
    public void The_operation_table_covers_every_method_of_the_interface()
    {
        var methods = typeof(IEcsApi).GetMethods().Select(m => m.Name[..^"Async".Length]).Order(StringComparer.Ordinal);
        var operations = EcsOperations.All.Select(o => o.Name).Order(StringComparer.Ordinal);
        var tested = Operations.Select(row => (string)row.Data.Item1).Order(StringComparer.Ordinal);

        Assert.Equal(methods, operations);
        Assert.Equal(methods, tested);
    }

    [Fact]
    public async Task Requests_go_out_as_the_ECS_wire_JSON_and_responses_come_back_typed()
    {
        _transport.Respond = (_, _) => """
            { "service": { "serviceName": "web", "status": "DRAINING", "desiredCount": 0 } }
            """;

        var response = await _ecs.DeleteServiceAsync(
            new DeleteServiceRequest { Cluster = "shop", Service = "web", Force = true },
            TestContext.Current.CancellationToken);

        JsonAssert.Equal("""{ "cluster": "shop", "service": "web", "force": true }""", _transport.Calls[0].Request);
        Assert.Equal("DRAINING", response.Service!.Status);
    }

    [Fact]
    public async Task A_null_request_is_rejected_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() =>
            _ecs.CreateServiceAsync(null!, TestContext.Current.CancellationToken));

        Assert.Empty(_transport.Calls);
    }

    [Fact]
    public async Task AWS_errors_from_the_transport_reach_the_caller_unchanged()
    {
        var notFound = new AwsServiceException("ClusterNotFoundException", "Cluster not found.", 400, "req-1", AwsErrorKind.NotFound);
        _transport.Respond = (_, _) => throw notFound;

        var thrown = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _ecs.DescribeAllServicesAsync(
                new DescribeServicesRequest { Cluster = "gone", Services = ["web"] },
                TestContext.Current.CancellationToken));

        Assert.Same(notFound, thrown);
    }

    [Fact]
    public async Task Describing_25_services_makes_calls_of_10_10_and_5_and_merges_services_and_failures()
    {
        var names = Enumerable.Range(1, 25).Select(i => $"svc-{i:00}").ToList();
        _transport.Respond = (_, request) =>
        {
            // ECS answers every name except those ending in 7 as found; those are MISSING.
            var asked = request["services"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var services = new JsonArray(asked.Where(n => !n.EndsWith('7'))
                .Select(n => (JsonNode)new JsonObject
                {
                    ["serviceName"] = n,
                    ["serviceArn"] = $"arn:aws:ecs:eu-west-1:123456789012:service/shop/{n}",
                    ["status"] = "ACTIVE",
                }).ToArray());
            var failures = new JsonArray(asked.Where(n => n.EndsWith('7'))
                .Select(n => (JsonNode)new JsonObject
                {
                    ["arn"] = $"arn:aws:ecs:eu-west-1:123456789012:service/shop/{n}",
                    ["reason"] = "MISSING",
                }).ToArray());
            return new JsonObject { ["services"] = services, ["failures"] = failures }.ToJsonString();
        };

        var result = await _ecs.DescribeAllServicesAsync(
            new DescribeServicesRequest { Cluster = "shop", Services = names, Include = [ServiceField.Tags] },
            TestContext.Current.CancellationToken);

        var calls = _transport.Calls;
        Assert.Equal([10, 10, 5], calls.Select(c => c.Request["services"]!.AsArray().Count));
        Assert.All(calls, c => Assert.Equal("DescribeServices", c.Operation.Name));
        Assert.All(calls, c => Assert.Equal("shop", c.Request["cluster"]!.GetValue<string>()));
        Assert.All(calls, c => Assert.Equal("TAGS", c.Request["include"]![0]!.GetValue<string>()));
        Assert.Equal(names, calls.SelectMany(c => c.Request["services"]!.AsArray().Select(n => n!.GetValue<string>())));

        Assert.Equal(23, result.Services.Count);
        Assert.Equal(["svc-07", "svc-17"], result.Failures.Select(f => f.Arn![^6..]));
        Assert.True(result.IsMissing("svc-17"));
        Assert.True(result.IsMissing("arn:aws:ecs:eu-west-1:123456789012:service/shop/svc-07"));
        Assert.False(result.IsMissing("svc-08"));
        Assert.Equal("svc-08", result.Find("svc-08")!.ServiceName);
    }

    [Fact]
    public async Task Duplicate_service_names_are_described_once()
    {
        await _ecs.DescribeAllServicesAsync(
            new DescribeServicesRequest { Services = ["web", "api", "web"] },
            TestContext.Current.CancellationToken);

        JsonAssert.Equal("""{ "services": ["web", "api"] }""", Assert.Single(_transport.Calls).Request);
    }

    [Fact]
    public async Task Describing_no_services_is_a_caller_error_not_an_empty_AWS_call()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _ecs.DescribeAllServicesAsync(new DescribeServicesRequest { Cluster = "shop" }, TestContext.Current.CancellationToken));

        Assert.Contains("Services", error.Message, StringComparison.Ordinal);
        Assert.Empty(_transport.Calls);
    }

    [Fact]
    public async Task Describing_250_tasks_makes_calls_of_100_100_and_50_and_merges_them()
    {
        var ids = Enumerable.Range(1, 250).Select(i => $"task-{i:000}").ToList();
        _transport.Respond = (_, request) =>
        {
            var asked = request["tasks"]!.AsArray().Select(n => n!.GetValue<string>());
            return new JsonObject
            {
                ["tasks"] = new JsonArray(asked.Select(id => (JsonNode)new JsonObject { ["taskArn"] = id, ["lastStatus"] = "RUNNING" }).ToArray()),
                ["failures"] = new JsonArray(),
            }.ToJsonString();
        };

        var result = await _ecs.DescribeAllTasksAsync(
            new DescribeTasksRequest { Cluster = "batch", Tasks = ids },
            TestContext.Current.CancellationToken);

        Assert.Equal([100, 100, 50], _transport.Calls.Select(c => c.Request["tasks"]!.AsArray().Count));
        Assert.Equal(ids, result.Tasks!.Select(t => t.TaskArn));
        Assert.Empty(result.Failures!);
    }

    [Fact]
    public async Task Listing_all_services_follows_nextToken_until_it_is_absent()
    {
        _transport.Respond = (_, request) => (string?)request["nextToken"] switch
        {
            null => """{ "serviceArns": ["a", "b"], "nextToken": "t1" }""",
            "t1" => """{ "serviceArns": ["c"], "nextToken": "t2" }""",
            "t2" => """{ "serviceArns": [], "nextToken": "t3" }""",
            "t3" => """{ "serviceArns": ["d"] }""",
            var other => throw new InvalidOperationException($"unexpected token {other}"),
        };

        var arns = await _ecs.ListAllServicesAsync(
            new ListServicesRequest { Cluster = "shop", MaxResults = 2 },
            TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b", "c", "d"], arns);
        Assert.Equal([null, "t1", "t2", "t3"], _transport.Calls.Select(c => (string?)c.Request["nextToken"]));
        Assert.All(_transport.Calls, c => Assert.Equal("shop", (string?)c.Request["cluster"]));
        Assert.All(_transport.Calls, c => Assert.Equal(2, (int?)c.Request["maxResults"]));
    }

    [Fact]
    public async Task Listing_task_definitions_tasks_and_deployments_also_pages_to_the_end()
    {
        _transport.Respond = (operation, request) => (operation.Name, (string?)request["nextToken"]) switch
        {
            ("ListTaskDefinitions", null) => """{ "taskDefinitionArns": ["td:1"], "nextToken": "n" }""",
            ("ListTaskDefinitions", "n") => """{ "taskDefinitionArns": ["td:2"] }""",
            ("ListTaskDefinitionFamilies", null) => """{ "families": ["shop_td_a"], "nextToken": "n" }""",
            ("ListTaskDefinitionFamilies", "n") => """{ "families": ["shop_td_b"] }""",
            ("ListTasks", null) => """{ "taskArns": ["t1"], "nextToken": "n" }""",
            ("ListTasks", "n") => """{ "taskArns": ["t2"] }""",
            ("ListServiceDeployments", null) => """{ "serviceDeployments": [ { "serviceDeploymentArn": "d1", "createdAt": 1700000000 } ], "nextToken": "n" }""",
            ("ListServiceDeployments", "n") => """{ "serviceDeployments": [ { "serviceDeploymentArn": "d2", "status": "SUCCESSFUL" } ] }""",
            var other => throw new InvalidOperationException($"unexpected {other}"),
        };
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(["td:1", "td:2"], await _ecs.ListAllTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = "shop-web" }, ct));
        Assert.Equal(["shop_td_a", "shop_td_b"],
            await _ecs.ListAllTaskDefinitionFamiliesAsync(new ListTaskDefinitionFamiliesRequest { FamilyPrefix = "shop_td_", Status = TaskDefinitionFamilyStatus.Active }, ct));
        Assert.All(_transport.Calls.Where(c => c.Operation.Name == "ListTaskDefinitionFamilies"), c =>
        {
            Assert.Equal("shop_td_", (string?)c.Request["familyPrefix"]);
            Assert.Equal("ACTIVE", (string?)c.Request["status"]);
        });
        Assert.Equal(["t1", "t2"], await _ecs.ListAllTasksAsync(new ListTasksRequest { Cluster = "shop" }, ct));
        var deployments = await _ecs.ListAllServiceDeploymentsAsync(new ListServiceDeploymentsRequest { Service = "web" }, ct);
        Assert.Equal(["d1", "d2"], deployments.Select(d => d.ServiceDeploymentArn));
        Assert.Equal(8, _transport.Calls.Count);
    }

    [Fact]
    public async Task A_token_that_repeats_stops_paging_with_an_error_instead_of_looping()
    {
        _transport.Respond = (_, _) => """{ "taskArns": ["t"], "nextToken": "same" }""";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _ecs.ListAllTasksAsync(new ListTasksRequest(), TestContext.Current.CancellationToken));

        Assert.Contains("same", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _transport.Calls.Count);
    }

    [Fact]
    public async Task Paging_stops_when_cancelled()
    {
        using var cts = new CancellationTokenSource();
        _transport.Respond = (_, request) =>
        {
            cts.Cancel();
            return """{ "serviceArns": ["a"], "nextToken": "more" }""";
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _ecs.ListAllServicesAsync(new ListServicesRequest(), cts.Token));
        Assert.Single(_transport.Calls);
    }
}
