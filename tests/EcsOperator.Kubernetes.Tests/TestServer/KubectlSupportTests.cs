using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using EcsOperator.KubeApiServer;
using Xunit;

namespace EcsOperator.Kubernetes.Tests.TestServer;

/// <summary>What kubectl needs beyond what the operator uses: printer-column Tables and the OpenAPI v3 field-validation hint.</summary>
public sealed class KubectlSupportTests
{
    private const string Gadgets = "apis/example.com/v1/namespaces/default/gadgets";

    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    private const string GadgetYaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.example.com
        spec:
          group: example.com
          names: {plural: gadgets, singular: gadget, kind: Gadget}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            additionalPrinterColumns:
            - {name: Replicas, type: integer, jsonPath: .spec.replicas}
            - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
            - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
            - {name: Image, type: string, jsonPath: .spec.image, priority: 1}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      replicas: {type: integer}
                      image: {type: string}
                  status:
                    type: object
                    properties:
                      conditions:
                        type: array
                        items:
                          type: object
                          properties:
                            type: {type: string}
                            status: {type: string}
        """;

    private static JsonObject Gadget(string name, int replicas) => new()
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Gadget",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["replicas"] = replicas, ["image"] = "nginx:1" },
    };

    private static async Task<(KubeApiTestServer Server, HttpClient Client)> StartAsync(KubeApiTestServerOptions? options = null)
    {
        var server = await TestServers.StartAsync(options);
        server.Resources.RegisterCrdYaml(GadgetYaml);
        var client = server.CreateHttpClient();
        var http = new Http(client);
        Assert.Equal(HttpStatusCode.Created, (await http.PostAsync(Gadgets, Gadget("a", 2))).Status);
        server.PatchObject("example.com", "gadgets", "default", "a", o => o["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Synced", ["status"] = "False" }, new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        }, status: true);
        return (server, client);
    }

    private static async Task<JsonObject> GetTableAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", TableAccept);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
    }

    [Fact]
    public async Task A_list_asked_for_as_a_Table_has_Name_and_the_printer_columns_with_their_values()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;

        var table = await GetTableAsync(client, Gadgets);

        Assert.Equal("Table", (string?)table["kind"]);
        Assert.Equal(["Name", "Replicas", "Ready", "Age", "Image"], table["columnDefinitions"]!.AsArray().Select(c => (string?)c!["name"]));
        Assert.Equal(1, (int)table["columnDefinitions"]![4]!["priority"]!);
        var cells = table["rows"]![0]!["cells"]!.AsArray();
        Assert.Equal("a", (string?)cells[0]);
        Assert.Equal(2, (int)cells[1]!);
        Assert.Equal("True", (string?)cells[2]); // the Ready condition's status, not the first condition's
        Assert.Matches("^[0-9]+s$", (string?)cells[3]); // an age, as kube prints date columns
        Assert.Equal("a", (string?)table["rows"]![0]!["object"]!["metadata"]!["name"]);
        Assert.NotNull(table["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task A_get_without_the_Table_accept_header_is_the_object_itself()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;

        var plain = await new Http(client).GetAsync($"{Gadgets}/a");
        var table = await GetTableAsync(client, $"{Gadgets}/a");

        Assert.Equal("Gadget", plain.Str("kind"));
        Assert.Equal("Table", (string?)table["kind"]);
        Assert.Single(table["rows"]!.AsArray());
    }

    [Fact]
    public async Task A_watch_asked_for_as_a_Table_sends_one_row_tables()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Gadgets}?watch=true");
        request.Headers.TryAddWithoutValidation("Accept", TableAccept);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        var added = JsonNode.Parse((await reader.ReadLineAsync(TestContext.Current.CancellationToken))!)!;
        server.PatchObject("example.com", "gadgets", "default", "a", o => o["spec"]!["replicas"] = 5);
        var modified = JsonNode.Parse((await reader.ReadLineAsync(TestContext.Current.CancellationToken))!)!;

        Assert.Equal("ADDED", (string?)added["type"]);
        Assert.Equal("Table", (string?)added["object"]!["kind"]);
        Assert.Equal("MODIFIED", (string?)modified["type"]);
        Assert.Equal(5, (int)modified["object"]!["rows"]![0]!["cells"]![1]!);
    }

    [Fact]
    public async Task OpenApi_v3_tells_kubectl_that_patches_take_fieldValidation()
    {
        var (server, client) = await StartAsync();
        await using var _ = server;
        using var __ = client;
        var http = new Http(client);

        var root = await http.GetAsync("openapi/v3");
        var url = root.Object["paths"]!["apis/example.com/v1"]!["serverRelativeURL"]!.GetValue<string>();
        var doc = (await http.GetAsync(url.TrimStart('/'))).Object;

        var patch = doc["paths"]!["/apis/example.com/v1/namespaces/{namespace}/gadgets/{name}"]!["patch"]!;
        Assert.Equal("Gadget", (string?)patch["x-kubernetes-group-version-kind"]!["kind"]);
        Assert.Contains("fieldValidation", patch["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
        Assert.NotNull(doc["components"]!["schemas"]!["com.example.v1.Gadget"]!["properties"]!["spec"]);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("openapi/v3/apis/nope.example.com/v1")).Status);
    }

    [Fact]
    public async Task A_fixed_port_is_used_and_requests_are_not_recorded_when_asked()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var server = await TestServers.StartAsync(new KubeApiTestServerOptions { Port = port, RecordRequests = false });
        using var client = server.CreateHttpClient();

        Assert.Equal(HttpStatusCode.OK, (await new Http(client).GetAsync("api/v1/namespaces")).Status);
        Assert.Equal(port, server.BaseAddress.Port);
        Assert.Empty(server.Requests);
    }
}
