using System.Globalization;

namespace EcsOperator.Core.Validation;

/// <summary>
/// The task-level cpu/memory combinations Fargate accepts (the table in the ECS developer guide, "Task CPU and
/// memory"), and parsing of the forms ECS accepts for them: CPU units ("1024") or vCPU ("1 vCPU", "0.25 vcpu");
/// MiB ("2048") or GB ("2 GB", "2GB").
/// </summary>
public static class FargateTaskSize
{
    private static readonly SortedDictionary<int, int[]> Table = new()
    {
        [256] = [512, 1024, 2048],
        [512] = Steps(1024, 4096, 1024),
        [1024] = Steps(2048, 8192, 1024),
        [2048] = Steps(4096, 16384, 1024),
        [4096] = Steps(8192, 30720, 1024),
        [8192] = Steps(16384, 61440, 4096),
        [16384] = Steps(32768, 122880, 8192),
    };

    /// <summary>The CPU values (in CPU units) Fargate accepts.</summary>
    public static IReadOnlyCollection<int> CpuUnits => Table.Keys;

    /// <summary>Parses a task cpu value into CPU units (1 vCPU = 1024 units); null when the text is not a cpu value.</summary>
    public static int? ParseCpuUnits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var units))
            return units;
        var number = StripSuffix(text, "vcpu");
        if (number is not null && decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var vcpu))
            return decimal.IsInteger(vcpu * 1024) ? (int)(vcpu * 1024) : null;
        return null;
    }

    /// <summary>Parses a task memory value into MiB; null when the text is not a memory value.</summary>
    public static int? ParseMemoryMiB(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mib))
            return mib;
        var number = StripSuffix(text, "gb");
        if (number is not null && decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var gb))
            return decimal.IsInteger(gb * 1024) ? (int)(gb * 1024) : null;
        return null;
    }

    /// <summary>
    /// Null when Fargate accepts the pair; otherwise a message naming the accepted values, so the user can pick one.
    /// </summary>
    public static string? Check(int cpuUnits, int memoryMiB)
    {
        if (!Table.TryGetValue(cpuUnits, out var memories))
        {
            return $"Fargate does not offer cpu {cpuUnits}; use one of {string.Join(", ", Table.Keys)} CPU units";
        }

        if (Array.IndexOf(memories, memoryMiB) >= 0)
            return null;
        var accepted = memories.Length <= 4
            ? string.Join(", ", memories)
            : $"{memories[0]} to {memories[^1]} in steps of {memories[1] - memories[0]}";
        return $"Fargate cpu {cpuUnits} accepts memory (MiB) {accepted}, not {memoryMiB}";
    }

    /// <summary>The memory values (MiB) Fargate accepts with <paramref name="cpuUnits"/>; empty for an unknown cpu.</summary>
    public static IReadOnlyList<int> MemoryFor(int cpuUnits) => Table.TryGetValue(cpuUnits, out var m) ? m : [];

    private static int[] Steps(int min, int max, int step) =>
        Enumerable.Range(0, ((max - min) / step) + 1).Select(i => min + (i * step)).ToArray();

    private static string? StripSuffix(string text, string suffix)
    {
        var trimmed = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        return trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? trimmed[..^suffix.Length] : null;
    }
}
