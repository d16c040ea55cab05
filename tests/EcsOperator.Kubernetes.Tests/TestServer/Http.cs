using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

/// <summary>Plain HttpClient calls against the test server (deliberately not our Kubernetes client).</summary>
internal sealed class Http(HttpClient client)
{
    public sealed record Response(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers)
    {
        public JsonObject Object => Body as JsonObject ?? throw new InvalidOperationException($"not an object: {Body}");

        public string? Str(string path) => Node(path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : Node(path)?.ToJsonString();

        public JsonNode? Node(string path)
        {
            JsonNode? node = Body;
            foreach (var part in path.Split('.'))
            {
                node = node switch
                {
                    JsonObject o => o[part],
                    JsonArray a when int.TryParse(part, out var i) && i < a.Count => a[i],
                    _ => null,
                };
            }

            return node;
        }
    }

    public HttpClient Client => client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<Response> SendAsync(HttpMethod method, string path, JsonNode? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        JsonNode? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(text);
        }

        return new Response(response.StatusCode, json, response.Headers);
    }

    public Task<Response> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Response> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);

    public Task<Response> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Response> DeleteAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Delete, path, body);

    public Task<Response> MergePatchAsync(string path, JsonNode body) => SendAsync(HttpMethod.Patch, path, body, "application/merge-patch+json");

    public Task<Response> JsonPatchAsync(string path, JsonNode body) => SendAsync(HttpMethod.Patch, path, body, "application/json-patch+json");

    public static JsonObject ConfigMap(string name, JsonObject? data = null, JsonObject? labels = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            metadata["labels"] = labels;
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = metadata, ["data"] = data ?? new JsonObject() };
    }
}
