using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Controls;

/// <summary>
/// Counts calls per operation, including calls that failed. Keys are <c>ecs:Operation</c> and
/// <c>application-autoscaling:Operation</c>; a plain operation name sums both services (they share only the
/// tagging operations).
/// </summary>
public sealed class CallCounter
{
    /// <summary>Key prefix of ECS operations.</summary>
    public const string Ecs = "ecs";

    /// <summary>Key prefix of Application Auto Scaling operations.</summary>
    public const string AutoScaling = "application-autoscaling";

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>
    /// Calls of <paramref name="operation"/> since start or the last <see cref="Reset"/>: <c>DescribeServices</c>
    /// (any service) or <c>ecs:TagResource</c> (one service).
    /// </summary>
    public int this[string operation]
    {
        get
        {
            ArgumentException.ThrowIfNullOrEmpty(operation);
            if (operation.Contains(':', StringComparison.Ordinal))
            {
                return _counts.TryGetValue(operation, out var n) ? n : 0;
            }

            return _counts.Where(kv => kv.Key.EndsWith(":" + operation, StringComparison.Ordinal)).Sum(kv => kv.Value);
        }
    }

    /// <summary>Total calls across all operations.</summary>
    public int Total => _counts.Values.Sum();

    /// <summary>A copy of all counts by <c>service:Operation</c>.</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    /// <summary>Sets every count back to zero.</summary>
    public void Reset() => _counts.Clear();

    /// <summary>
    /// Called for every call with its <c>service:Operation</c> key and request body, after the body is read and before
    /// the call is handled (not under the simulator's lock; keep it short). Lets a benchmark time each object's calls.
    /// </summary>
    public Action<string, JsonObject>? Observer { get; set; }

    internal void Observe(string service, string operation, JsonObject request) => Observer?.Invoke(service + ":" + operation, request);

    internal void Record(string service, string operation) => _counts.AddOrUpdate(service + ":" + operation, 1, (_, n) => n + 1);
}
