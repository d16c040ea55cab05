using System.Globalization;
using EcsOperator.Simulator.Controls;
using EcsOperator.Simulator.Model;

namespace EcsOperator.Simulator;

/// <summary>
/// Everything the simulated AWS account holds. Not thread-safe: callers hold <see cref="Gate"/> for every read
/// and write, so requests and ticks see a consistent world.
/// </summary>
internal sealed class SimulatorState(EcsSimulatorOptions options, TimeProvider clock, TaskRules rules)
{
    private Random _random = new(options.Seed);

    public Lock Gate { get; } = new();

    public EcsSimulatorOptions Options { get; } = options;

    public TimeProvider Clock { get; } = clock;

    public TaskRules Rules { get; } = rules;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public Dictionary<string, SimCluster> Clusters { get; } = new(StringComparer.Ordinal);

    /// <summary>Family name to revisions, index = revision - 1 (deleted revisions leave null holes).</summary>
    public Dictionary<string, List<SimTaskDefinition?>> TaskDefinitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Key: cluster name + "/" + service name.</summary>
    public Dictionary<string, SimService> Services { get; } = new(StringComparer.Ordinal);

    /// <summary>CreateService clientToken to the newest service created with it (an index over <see cref="Services"/>).</summary>
    public Dictionary<string, SimService> ServicesByClientToken { get; } = new(StringComparer.Ordinal);

    /// <summary>Every container instance by ARN, deregistered (INACTIVE) ones included.</summary>
    public Dictionary<string, SimContainerInstance> ContainerInstances { get; } = new(StringComparer.Ordinal);

    /// <summary>Insertion order is launch order.</summary>
    public Dictionary<string, SimTask> Tasks { get; } = new(StringComparer.Ordinal);

    /// <summary>RunTask clientToken to the tasks it started.</summary>
    public Dictionary<string, (string Fingerprint, List<SimTask> Tasks)> RunTaskTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Capacity providers created with CreateCapacityProvider, by name (INACTIVE ones until forgotten).</summary>
    public Dictionary<string, SimCapacityProvider> CapacityProviders { get; } = new(StringComparer.Ordinal);

    /// <summary>Auto Scaling groups a test declared, by ARN or name.</summary>
    public Dictionary<string, SimAutoScalingGroup> AutoScalingGroups { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SimScalableTarget> ScalableTargets { get; } = new(StringComparer.Ordinal);

    public List<SimScalingPolicy> ScalingPolicies { get; } = [];

    public List<SimScheduledAction> ScheduledActions { get; } = [];

    /// <summary>Newest last.</summary>
    public List<SimScalingActivity> ScalingActivities { get; } = [];

    /// <summary>When set, RunTask places no task and reports this failure reason (e.g. <c>RESOURCE:MEMORY</c>).</summary>
    public string? PlacementFailureReason { get; set; }

    public long TickCount { get; set; }

    public string Prefix(string service) => $"arn:aws:{service}:{Options.Region}:{Options.AccountId}:";

    public string ClusterArn(string name) => Prefix("ecs") + "cluster/" + name;

    public string ServiceArn(string cluster, string name) => Prefix("ecs") + $"service/{cluster}/{name}";

    public string TaskDefinitionArn(string family, int revision) =>
        Prefix("ecs") + $"task-definition/{family}:{revision.ToString(CultureInfo.InvariantCulture)}";

    public string RoleRootArn => $"arn:aws:iam::{Options.AccountId}:root";

    public string Hex(int length)
    {
        const string digits = "0123456789abcdef";
        return string.Create(length, _random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = digits[r.Next(16)];
            }
        });
    }

    public string Digits(int length)
    {
        return string.Create(length, _random, (span, r) =>
        {
            span[0] = (char)('1' + r.Next(9));
            for (var i = 1; i < span.Length; i++)
            {
                span[i] = (char)('0' + r.Next(10));
            }
        });
    }

    public string Alnum(int length)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return string.Create(length, _random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[r.Next(chars.Length)];
            }
        });
    }

    /// <summary>A number in [0, <paramref name="below"/>) from the seeded generator (random placement).</summary>
    public int Random(int below) => _random.Next(below);

    public string Uuid() => $"{Hex(8)}-{Hex(4)}-{Hex(4)}-{Hex(4)}-{Hex(12)}";

    public void Clear()
    {
        Clusters.Clear();
        TaskDefinitions.Clear();
        Services.Clear();
        ServicesByClientToken.Clear();
        ContainerInstances.Clear();
        Tasks.Clear();
        RunTaskTokens.Clear();
        CapacityProviders.Clear();
        AutoScalingGroups.Clear();
        ScalableTargets.Clear();
        ScalingPolicies.Clear();
        ScheduledActions.Clear();
        ScalingActivities.Clear();
        PlacementFailureReason = null;
        _random = new Random(Options.Seed);
    }

    public static string ServiceKey(string cluster, string service) => cluster + "/" + service;

    /// <summary>Adds a service event (newest first, at most 100 kept, as ECS shows).</summary>
    public void AddEvent(SimService service, string message)
    {
        service.Events.Insert(0, (Uuid(), Now, $"(service {service.Name}) {message}"));
        if (service.Events.Count > 100)
        {
            service.Events.RemoveAt(service.Events.Count - 1);
        }
    }
}
