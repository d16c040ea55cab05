using System.Collections.Concurrent;

namespace EcsOperator.Simulator.Controls;

/// <summary>Counts calls per operation name (e.g. <c>DescribeServices</c>), including calls that failed.</summary>
public sealed class CallCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Number of calls to <paramref name="operation"/> since start or the last <see cref="Reset"/>.</summary>
    public int this[string operation] => _counts.TryGetValue(operation, out var n) ? n : 0;

    /// <summary>Total calls across all operations.</summary>
    public int Total => _counts.Values.Sum();

    /// <summary>A copy of all counts.</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    /// <summary>Sets every count back to zero.</summary>
    public void Reset() => _counts.Clear();

    internal void Record(string operation) => _counts.AddOrUpdate(operation, 1, (_, n) => n + 1);
}
