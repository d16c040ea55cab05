using System.Net;
using System.Net.Sockets;

namespace EcsOperator.Testing;

/// <summary>Ports for an operator process under test to listen on.</summary>
public static class ListenPorts
{
    private const string EphemeralRange = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>
    /// A free port below the kernel's ephemeral range. A port the kernel hands out for port 0 can become the local port
    /// of any outgoing connection (the operator's own to the API server, another test's) before the operator binds it,
    /// and a listener cannot bind a port a connection uses.
    /// </summary>
    public static int Free()
    {
        var ephemeralStart = File.Exists(EphemeralRange)
            && int.TryParse(File.ReadAllText(EphemeralRange).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0],
                System.Globalization.CultureInfo.InvariantCulture, out var start)
            ? start : 32768;
        var low = Math.Min(20000, ephemeralStart / 2);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(low, ephemeralStart);
            using var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }

        throw new InvalidOperationException($"no free port found in {low}-{ephemeralStart - 1}");
    }
}
