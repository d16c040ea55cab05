using System.Net;
using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

public sealed class ProtocolTests : SimTest
{
    [Fact]
    public async Task Request_without_authorization_is_rejected_like_AWS()
    {
        using var response = await Client.RawAsync($"{SimClient.Ecs}.ListClusters", "{}", sign: false);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", Str(body, "__type"));
        Assert.False(string.IsNullOrEmpty(Str(body, "message")));
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
    }

    [Fact]
    public async Task Successful_responses_carry_request_id_and_json_1_1_content_type()
    {
        using var response = await Client.RawAsync($"{SimClient.Ecs}.ListClusters", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-amz-json-1.1", response.Content.Headers.ContentType!.MediaType);
        Assert.True(Guid.TryParse(response.Headers.GetValues("x-amzn-RequestId").Single(), out _));
    }

    [Fact]
    public async Task Unknown_operation_and_missing_target_are_UnknownOperationException()
    {
        var unknown = await Client.EcsFailsAsync("DescribeNothing", []);
        using var missing = await Client.RawAsync(null, "{}");

        Assert.Equal("UnknownOperationException", unknown.Code);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("UnknownOperationException", await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_SerializationException()
    {
        using var response = await Client.RawAsync($"{SimClient.Ecs}.ListClusters", "{not json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SerializationException", Str(body, "__type"));
    }

    [Fact]
    public async Task Errors_have_the_AWS_shape_with_code_and_message()
    {
        var error = await Client.EcsFailsAsync("DescribeServices", new JsonObject { ["cluster"] = "nope", ["services"] = new JsonArray { "web" } });

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("ClusterNotFoundException", error.Code);
        Assert.Equal("Cluster not found.", error.AwsMessage);
        Assert.NotNull(error.RequestId);
    }

    [Fact]
    public async Task Auto_scaling_errors_use_the_PascalCase_Message_member_of_its_model()
    {
        using var response = await Client.RawAsync($"{SimClient.AutoScaling}.DeregisterScalableTarget",
            """{"ServiceNamespace":"ecs","ResourceId":"service/default/web","ScalableDimension":"ecs:service:DesiredCount"}""");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal("ObjectNotFoundException", Str(body, "__type"));
        Assert.StartsWith("No scalable target registered", Str(body, "Message"), StringComparison.Ordinal);
        Assert.Null(body["message"]);
        Assert.Equal("ObjectNotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Timestamps_are_epoch_seconds_numbers()
    {
        await CreateClusterAsync();
        var arn = await RegisterAsync("web", "nginx:1");
        var td = (await Client.EcsAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = arn }))["taskDefinition"]!;

        var registeredAt = td["registeredAt"]!.GetValue<double>();
        Assert.Equal(Sim.Clock.GetUtcNow().ToUnixTimeSeconds(), (long)registeredAt);
    }

    [Fact]
    public async Task Standalone_program_rejects_unknown_arguments()
    {
        var code = await Program.Main(["--bogus"]);

        Assert.Equal(2, code);
    }
}
