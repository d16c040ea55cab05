using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace EcsOperator.Testing.Moto;

/// <summary>
/// A <c>moto_server</c> process on a free loopback port: the independent ECS / Application Auto Scaling emulator the
/// wire-format tests run against. Use it as a collection fixture (tests sharing one server must not run in
/// parallel, since <see cref="ResetAsync"/> wipes all state) and reset it at the start of each test.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    /// <summary>The keys moto accepts (it checks nothing); use them with the static-credentials option.</summary>
    public const string AccessKeyId = "testing";

    /// <summary>See <see cref="AccessKeyId"/>.</summary>
    public const string SecretAccessKey = "testing";

    private const int MaxOutputLines = 40;
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Queue<string> _output = new();
    private Process? _process;
    private Uri? _endpoint;

    /// <summary>Base URL of the running server, e.g. <c>http://127.0.0.1:41234/</c>; use it as the endpoint override.</summary>
    public Uri Endpoint => _endpoint ?? throw new InvalidOperationException("MotoServer is not started (use it as an xunit fixture)");

    /// <summary>Starts moto_server and waits until it answers.</summary>
    public async ValueTask InitializeAsync()
    {
        var executable = FindOnPath("moto_server") ?? throw new InvalidOperationException(
            "moto_server was not found on PATH. The AWS wire-format tests need it: run ./scripts/test.sh (it installs " +
            "moto[server] with pip) or `python3 -m pip install 'moto[server]'`, then rerun the tests.");

        // The free port is found by binding port 0; another process could grab it before moto does, so try again.
        Exception? lastFailure = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreeLoopbackPort();
            try
            {
                await StartAsync(executable, port).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException e)
            {
                lastFailure = e;
                StopProcess();
            }
        }

        throw lastFailure!;
    }

    /// <summary>Wipes all moto state (clusters, services, scalable targets...).</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsync(new Uri(Endpoint, "moto-api/reset"), null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Stops the process tree.</summary>
    public ValueTask DisposeAsync()
    {
        StopProcess();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task StartAsync(string executable, int port)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add("-H");
        startInfo.ArgumentList.Add("127.0.0.1");
        startInfo.ArgumentList.Add("-p");
        startInfo.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {executable}");
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"moto_server exited with code {process.ExitCode} before answering on port {port}:\n{RecentOutput()}");
            }

            try
            {
                using var response = await _http.GetAsync(new Uri(endpoint, "moto-api/data.json")).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    _endpoint = endpoint;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"moto_server did not answer on port {port} within {StartupTimeout}:\n{RecentOutput()}");
    }

    private void StopProcess()
    {
        var process = _process;
        _process = null;
        _endpoint = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > MaxOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private string RecentOutput()
    {
        lock (_output)
        {
            var builder = new StringBuilder();
            foreach (var line in _output)
            {
                builder.AppendLine(line);
            }

            return builder.ToString();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
