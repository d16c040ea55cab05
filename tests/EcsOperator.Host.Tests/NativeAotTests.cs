using System.Diagnostics;
using System.Globalization;
using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Hosting;
using EcsOperator.KubeApiServer;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Simulator;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Host.Tests;

/// <summary>
/// The Native AOT operator (<c>scripts/publish.sh --aot</c>, what the image ships): it reconciles, stops cleanly and
/// generates the same CRDs as the JIT build. The binary comes from <c>ECS_OPERATOR_AOT_BINARY</c> (scripts/test.sh
/// publishes it beside the tests and says when it is done through <c>ECS_OPERATOR_AOT_PUBLISH_RC</c>), else this class
/// publishes it itself (minutes: the AOT compiler).
/// </summary>
public sealed class NativeAotTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly Lazy<Task<string>> Binary = new(ResolveBinaryAsync);
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_native_binary_reconciles_an_object_and_exits_0_on_SIGTERM()
    {
        var binary = await Binary.Value;
        var native = await RunUntilFirstReadyAsync(binary);
        var jit = await RunUntilFirstReadyAsync(null);

        // Side by side in the same run (a figure, not a timed assertion): start -> first object Ready, and peak RSS.
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"native AOT: first Ready {native.FirstReady.TotalMilliseconds:F0} ms, peak RSS {native.PeakRssKiB / 1024.0:F1} MiB; " +
            $"JIT: first Ready {jit.FirstReady.TotalMilliseconds:F0} ms, peak RSS {jit.PeakRssKiB / 1024.0:F1} MiB"));
        Assert.True(native.PeakRssKiB > 0 && jit.PeakRssKiB > 0);
    }

    [Fact]
    public async Task The_native_binary_generates_the_checked_in_crds_byte_for_byte()
    {
        var binary = await Binary.Value;
        var output = Directory.CreateTempSubdirectory("aot-crds").FullName;
        using var op = OperatorProcess.Start(binary, ["crds", "--output", output]);
        Assert.Equal(0, await op.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var expected = Directory.GetFiles(RepoPaths.Crds, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, Directory.GetFiles(output, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var file in expected)
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Crds, file!), Ct), await File.ReadAllTextAsync(Path.Combine(output, file!), Ct));
    }

    [Fact]
    public async Task The_native_binary_leaves_out_the_Kubernetes_librarys_model_serializers()
    {
        // KubernetesClient's JSON context names every Kubernetes model: compiled in, it was 13 MB of the binary and
        // 21 MiB of the empty process's RSS (tests/Benchmarks/README.md, "Memory (rsscut branch)"). Constructing
        // k8s.Kubernetes (or reading its configuration's JsonSerializerOptions) brings it back.
        var binary = await File.ReadAllBytesAsync(await Binary.Value, Ct);
        Assert.Equal(-1, binary.AsSpan().IndexOf("V1PodSpec"u8));
        Assert.Equal(-1, binary.AsSpan().IndexOf("V1StatefulSet"u8));
    }

    private sealed record Run(TimeSpan FirstReady, long PeakRssKiB);

    private static async Task<Run> RunUntilFirstReadyAsync(string? nativeBinary)
    {
        await using var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml") }, Ct);
        await using var ecs = await EcsSimulator.StartAsync(cancellationToken: Ct);
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kubeconfig").FullName, "config");
        await File.WriteAllTextAsync(kubeconfig, kube.KubeconfigYaml(defaultNamespace: "ecs-operator"), Ct);
        using var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = kube.BaseAddress.ToString(), Namespace = "shop" });
        var clusters = client.Resource(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
        // The object exists before the process starts: its first reconcile is the first thing the operator does.
        await clusters.CreateAsync(InProcessOperator.NewCluster("orders"), Ct);

        var started = Stopwatch.StartNew();
        using var op = OperatorProcess.Start(nativeBinary,
            ["run", "--kubeconfig", kubeconfig, "--namespace", "shop", "--leader-election", "false",
             "--health-port", OperatorProcess.FreePort().ToString(CultureInfo.InvariantCulture), "--health-address", "127.0.0.1",
             "--metrics-port", "0", "--aws-region", "us-east-1", "--ecs-endpoint", ecs.BaseAddress.ToString(),
             "--application-autoscaling-endpoint", ecs.BaseAddress.ToString(), "--cluster-id", "test-cluster"],
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" });
        await Eventually.ValueAsync(async () => op.HasExited ? throw new InvalidOperationException($"exited {op.ExitCode}: {op}") : await clusters.GetAsync("shop", "orders", Ct),
            o => o.Status?.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready) is { Status: "True" }, "orders Ready", TimeSpan.FromSeconds(60));
        var firstReady = started.Elapsed;
        var peakRss = PeakRssKiB(op.Id);

        await op.TerminateAsync();
        var code = await op.WaitForExitAsync(TimeSpan.FromSeconds(10));
        Assert.True(code == 0, $"exit code {code}\n{op}");
        Assert.Empty(op.Stderr);
        return new Run(firstReady, peakRss);
    }

    /// <summary>VmHWM of a running process (Linux), in KiB.</summary>
    private static long PeakRssKiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static async Task<string> ResolveBinaryAsync()
    {
        if (Environment.GetEnvironmentVariable("ECS_OPERATOR_AOT_BINARY") is { Length: > 0 } given)
        {
            // scripts/test.sh publishes beside the tests and writes the exit code here when done.
            if (Environment.GetEnvironmentVariable("ECS_OPERATOR_AOT_PUBLISH_RC") is { Length: > 0 } rcFile)
            {
                await WaitSayingSoAsync("the Native AOT publish beside the tests", () => File.Exists(rcFile) && new FileInfo(rcFile).Length > 0);
                if ((await File.ReadAllTextAsync(rcFile, CancellationToken.None)).Trim() != "0")
                    throw new InvalidOperationException("scripts/publish.sh --aot failed:\n" +
                        await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(rcFile)!, "publish.log"), CancellationToken.None));
            }
            return File.Exists(given) ? given : throw new FileNotFoundException($"ECS_OPERATOR_AOT_BINARY names no file: {given}");
        }
        var output = Directory.CreateTempSubdirectory("aot-publish").FullName;
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "publish.sh"));
        info.ArgumentList.Add("--aot");
        info.ArgumentList.Add(output);
        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = publish.StandardError.ReadToEndAsync(CancellationToken.None);
        await WaitSayingSoAsync("scripts/publish.sh --aot", () => publish.HasExited);
        await publish.WaitForExitAsync(CancellationToken.None);
        if (publish.ExitCode != 0)
            throw new InvalidOperationException($"scripts/publish.sh --aot failed ({publish.ExitCode}):\n{await stdout}\n{await stderr}");
        return Path.Combine(output, "ecs-operator");
    }

    /// <summary>
    /// Waits (up to 45 minutes) until <paramref name="done"/> holds, with a line of live output every 10 s. xunit's VSTest
    /// adapter reports "Test process crashed" when the test process exits more than 60 s after the last message it has
    /// read; after minutes of silence, the last results and the finish message raced the process exit and lost once.
    /// </summary>
    private static async Task WaitSayingSoAsync(string what, Func<bool> done)
    {
        var waited = Stopwatch.StartNew();
        var said = TimeSpan.Zero;
        while (!done())
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(45))
                throw new TimeoutException($"{what} did not finish within 45 minutes");
            if (waited.Elapsed - said >= HeartbeatInterval)
            {
                said = waited.Elapsed;
                TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"waiting for {what}: {waited.Elapsed.TotalSeconds:F0} s"));
            }
            await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
    }
}
