using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

/// <summary>
/// A deliberately plain AWS JSON 1.1 client (HttpClient + JSON nodes), independent of the operator's own clients,
/// so these tests check the simulator's wire behaviour and nothing else.
/// </summary>
public sealed class SimClient : IDisposable
{
    public const string Ecs = "AmazonEC2ContainerServiceV20141113";
    public const string AutoScaling = "AnyScaleFrontendService";

    private readonly HttpClient _http;

    public SimClient(Uri baseAddress) => _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public static string FakeAuthorization =>
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/ecs/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=deadbeef";

    public Task<JsonObject> EcsAsync(string operation, JsonObject? request = null) => CallAsync(Ecs, operation, request ?? []);

    public Task<JsonObject> AasAsync(string operation, JsonObject request) => CallAsync(AutoScaling, operation, request);

    public async Task<HttpResponseMessage> RawAsync(string? target, string body, bool sign = true)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/");
        message.Content = new StringContent(body, Encoding.UTF8);
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        if (target is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        if (sign)
        {
            message.Headers.TryAddWithoutValidation("Authorization", FakeAuthorization);
            message.Headers.TryAddWithoutValidation("X-Amz-Date", "20250101T000000Z");
        }

        return await _http.SendAsync(message, TestContext.Current.CancellationToken);
    }

    public async Task<JsonObject> CallAsync(string prefix, string operation, JsonObject request)
    {
        using var response = await RawAsync($"{prefix}.{operation}", request.ToJsonString());
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.First() : null;
        var json = JsonNode.Parse(text)!.AsObject();
        if (!response.IsSuccessStatusCode)
        {
            // ECS models its error message as "message", Application Auto Scaling as "Message".
            var message = prefix == AutoScaling ? json["Message"] : json["message"];
            throw new AwsCallException(response.StatusCode, json["__type"]!.GetValue<string>(), message?.GetValue<string>() ?? "", requestId);
        }

        return json;
    }

    public async Task<AwsCallException> FailsAsync(string prefix, string operation, JsonObject request)
    {
        try
        {
            await CallAsync(prefix, operation, request);
        }
        catch (AwsCallException error)
        {
            return error;
        }

        throw new Xunit.Sdk.XunitException($"{operation} was expected to fail but succeeded.");
    }

    public Task<AwsCallException> EcsFailsAsync(string operation, JsonObject request) => FailsAsync(Ecs, operation, request);

    public Task<AwsCallException> AasFailsAsync(string operation, JsonObject request) => FailsAsync(AutoScaling, operation, request);

    public void Dispose() => _http.Dispose();
}
