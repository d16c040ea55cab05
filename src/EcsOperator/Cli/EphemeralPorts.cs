namespace EcsOperator.Cli;

/// <summary>
/// The kernel's range of local ports for outgoing connections (<c>net.ipv4.ip_local_port_range</c>). A listener
/// cannot bind a port that one of those connections holds, so a listen port inside it must be bound before the
/// operator opens any connection of its own.
/// </summary>
internal static class EphemeralPorts
{
    private const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>Linux's default, used when the range cannot be read.</summary>
    private static readonly (int First, int Last) s_default = (32768, 60999);

    public static bool Contains(int port) => Contains(port, ReadRange());

    internal static bool Contains(int port, (int First, int Last) range) => port >= range.First && port <= range.Last;

    /// <summary>The range as the kernel writes it ("32768\t60999"); the default when absent or unreadable.</summary>
    internal static (int First, int Last) Parse(string? text)
    {
        var parts = text?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var last) && first <= last
            ? (first, last)
            : s_default;
    }

    private static (int First, int Last) ReadRange()
    {
        try
        {
            return Parse(File.Exists(RangeFile) ? File.ReadAllText(RangeFile) : null);
        }
        catch (IOException)
        {
            return s_default;
        }
        catch (UnauthorizedAccessException)
        {
            return s_default;
        }
    }
}
