using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Tests;

/// <summary>Base for tests: a fresh simulator per test, a plain client, and helpers to set up common resources.</summary>
public abstract class SimTest : IAsyncLifetime
{
    protected EcsSimulator Sim { get; private set; } = null!;

    protected SimClient Client { get; private set; } = null!;

    protected virtual EcsSimulatorOptions Options => new();

    public async ValueTask InitializeAsync()
    {
        Sim = await EcsSimulator.StartAsync(Options, TestContext.Current.CancellationToken);
        Client = new SimClient(Sim.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sim.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task CreateClusterAsync(string name = "default") =>
        await Client.EcsAsync("CreateCluster", new JsonObject { ["clusterName"] = name });

    protected async Task<string> RegisterAsync(string family, string image, string? networkMode = null, JsonArray? command = null)
    {
        var container = new JsonObject { ["name"] = "app", ["image"] = image, ["memory"] = 512 };
        if (command is not null)
        {
            container["command"] = command;
        }

        var request = new JsonObject { ["family"] = family, ["containerDefinitions"] = new JsonArray { container } };
        if (networkMode is not null)
        {
            request["networkMode"] = networkMode;
        }

        var response = await Client.EcsAsync("RegisterTaskDefinition", request);
        return response["taskDefinition"]!["taskDefinitionArn"]!.GetValue<string>();
    }

    protected async Task<JsonObject> CreateServiceAsync(string name, string taskDefinition, int desired, JsonObject? deploymentConfiguration = null, string cluster = "default")
    {
        var request = new JsonObject
        {
            ["cluster"] = cluster,
            ["serviceName"] = name,
            ["taskDefinition"] = taskDefinition,
            ["desiredCount"] = desired,
        };
        if (deploymentConfiguration is not null)
        {
            request["deploymentConfiguration"] = deploymentConfiguration;
        }

        return (await Client.EcsAsync("CreateService", request))["service"]!.AsObject();
    }

    protected async Task<JsonObject> DescribeServiceAsync(string name, string cluster = "default")
    {
        var response = await Client.EcsAsync("DescribeServices", new JsonObject { ["cluster"] = cluster, ["services"] = new JsonArray { name } });
        return response["services"]!.AsArray().Single()!.AsObject();
    }

    protected async Task<List<JsonObject>> DescribeTasksAsync(string cluster, IEnumerable<string> arns)
    {
        var list = arns.ToList();
        var result = new List<JsonObject>();
        foreach (var chunk in list.Chunk(100))
        {
            var response = await Client.EcsAsync("DescribeTasks", new JsonObject { ["cluster"] = cluster, ["tasks"] = Strings(chunk) });
            result.AddRange(response["tasks"]!.AsArray().Select(t => t!.AsObject()));
        }

        return result;
    }

    protected async Task<List<string>> ListTaskArnsAsync(JsonObject filter)
    {
        var arns = new List<string>();
        string? token = null;
        do
        {
            var request = (JsonObject)filter.DeepClone();
            if (token is not null)
            {
                request["nextToken"] = token;
            }

            var page = await Client.EcsAsync("ListTasks", request);
            arns.AddRange(page["taskArns"]!.AsArray().Select(a => a!.GetValue<string>()));
            token = page["nextToken"]?.GetValue<string>();
        }
        while (token is not null);
        return arns;
    }

    /// <summary>Ticks until the service's PRIMARY deployment reaches <paramref name="rolloutState"/>.</summary>
    protected async Task<JsonObject> TickUntilRolloutAsync(string service, string rolloutState, int maxTicks = 60)
    {
        for (var i = 0; i < maxTicks; i++)
        {
            var described = await DescribeServiceAsync(service);
            var primary = described["deployments"]!.AsArray().First(d => d!["status"]!.GetValue<string>() == "PRIMARY")!;
            if (primary["rolloutState"]!.GetValue<string>() == rolloutState)
            {
                return described;
            }

            Sim.Tick();
        }

        throw new Xunit.Sdk.XunitException($"Service {service} did not reach rollout state {rolloutState} within {maxTicks} ticks.");
    }

    /// <summary>Ticks until <paramref name="condition"/> holds (checked before each tick); false when it never did.</summary>
    protected async Task<bool> TickUntilAsync(Func<Task<bool>> condition, int maxTicks = 60)
    {
        for (var i = 0; i <= maxTicks; i++)
        {
            if (await condition())
            {
                return true;
            }

            if (i < maxTicks)
            {
                Sim.Tick();
            }
        }

        return false;
    }

    protected static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    protected static string Str(JsonNode? node, string member) => node![member]!.GetValue<string>();

    protected static int Int(JsonNode? node, string member) => node![member]!.GetValue<int>();
}
