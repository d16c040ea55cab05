using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace EcsOperator.Simulator.Tests;

/// <summary>
/// The rolling update bounds as a property over random deployment configurations. Drives the simulator through
/// <see cref="EcsSimulator.Invoke"/> (no HTTP) so a hundred rollouts stay fast; the HTTP path is covered by
/// <see cref="RollingUpdateTests"/>.
/// </summary>
public sealed class RollingUpdatePropertyTests : IAsyncLifetime
{
    private EcsSimulator _sim = null!;

    public async ValueTask InitializeAsync() =>
        _sim = await EcsSimulator.StartAsync(new EcsSimulatorOptions { TaskStartTicks = 3 }, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public void Bounds_hold_at_every_tick_and_rollouts_that_can_progress_complete()
    {
        var configurations =
            from desired in Gen.Choose(1, 12)
            from min in Gen.Choose(0, 100)
            from max in Gen.Choose(100, 200)
            from newDesired in Gen.Choose(1, 12)
            select (desired, min, max, newDesired);

        Prop.ForAll(configurations.ToArbitrary(), c => RollOut(c.desired, c.min, c.max, c.newDesired))
            .QuickCheckThrowOnFailure();
    }

    private bool RollOut(int desired, int minPercent, int maxPercent, int newDesired)
    {
        _sim.Reset();
        Ecs("CreateCluster", []);
        var v1 = TaskDefinition("nginx:1");
        var v2 = TaskDefinition("nginx:2");
        Ecs("CreateService", new JsonObject
        {
            ["serviceName"] = "web",
            ["taskDefinition"] = v1,
            ["desiredCount"] = desired,
            ["deploymentConfiguration"] = new JsonObject { ["minimumHealthyPercent"] = minPercent, ["maximumPercent"] = maxPercent },
        });
        if (!_sim.TickUntil(() => Completed(), maxTicks: 30))
        {
            return CannotProgress(desired, minPercent, maxPercent);
        }

        // The update also changes the desired count: the bounds are those of the new desired count.
        Ecs("UpdateService", new JsonObject { ["service"] = "web", ["taskDefinition"] = v2, ["desiredCount"] = newDesired });
        var minHealthy = ((newDesired * minPercent) + 99) / 100;
        var maxTotal = newDesired * maxPercent / 100;
        var startHealthy = Math.Min(desired, newDesired);
        for (var tick = 0; tick < 60; tick++)
        {
            var (physical, healthy) = Count();
            if (physical > Math.Max(maxTotal, desired) || healthy < Math.Min(minHealthy, startHealthy))
            {
                throw new InvalidOperationException(
                    $"desired {desired}->{newDesired}, min {minPercent}%, max {maxPercent}%: tick {tick} has {physical} tasks (max {maxTotal}) and {healthy} healthy (min {minHealthy})");
            }

            if (Completed())
            {
                return true;
            }

            _sim.Tick();
        }

        return CannotProgress(newDesired, minPercent, maxPercent);
    }

    /// <summary>With no room to start a task and none to stop one, ECS cannot progress either.</summary>
    private static bool CannotProgress(int desired, int minPercent, int maxPercent) =>
        desired * maxPercent / 100 <= desired && ((desired * minPercent) + 99) / 100 >= desired;

    private bool Completed()
    {
        var service = Ecs("DescribeServices", new JsonObject { ["services"] = new JsonArray { "web" } })["services"]![0]!;
        var deployments = service["deployments"]!.AsArray();
        return deployments.Count == 1 && deployments[0]!["rolloutState"]!.GetValue<string>() == "COMPLETED";
    }

    private (int Physical, int Healthy) Count()
    {
        var arns = new JsonArray();
        foreach (var status in new[] { "RUNNING", "STOPPED" })
        {
            foreach (var arn in Ecs("ListTasks", new JsonObject { ["desiredStatus"] = status })["taskArns"]!.AsArray())
            {
                arns.Add(arn!.DeepClone());
            }
        }

        if (arns.Count == 0)
        {
            return (0, 0);
        }

        var tasks = new List<JsonNode>();
        foreach (var chunk in arns.Chunk(100))
        {
            tasks.AddRange(Ecs("DescribeTasks", new JsonObject { ["tasks"] = new JsonArray([.. chunk.Select(a => a!.DeepClone())]) })["tasks"]!.AsArray()!);
        }

        var physical = tasks.Count(t => t["lastStatus"]!.GetValue<string>() is "PROVISIONING" or "PENDING" or "RUNNING");
        var healthy = tasks.Count(t => t["lastStatus"]!.GetValue<string>() == "RUNNING" && t["desiredStatus"]!.GetValue<string>() == "RUNNING");
        return (physical, healthy);
    }

    private string TaskDefinition(string image) =>
        Ecs("RegisterTaskDefinition", new JsonObject
        {
            ["family"] = "web",
            ["containerDefinitions"] = new JsonArray { new JsonObject { ["name"] = "app", ["image"] = image, ["memory"] = 64 } },
        })["taskDefinition"]!["taskDefinitionArn"]!.GetValue<string>();

    private JsonObject Ecs(string operation, JsonObject request) => _sim.Invoke(operation, request);
}
