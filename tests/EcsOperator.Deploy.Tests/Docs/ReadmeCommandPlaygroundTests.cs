using System.Diagnostics;
using System.Text;
using System.Text.Json;
using EcsOperator.Deploy.Tests.Support;
using EcsOperator.Playground;

namespace EcsOperator.Deploy.Tests.Docs;

/// <summary>
/// The README's first command, the playground, started for real, and every <c>kubectl</c> command it prints run with
/// the real kubectl against it, in order: apply, watch the rollout, ship a new image, ship a broken one and see the
/// circuit breaker roll back, delete; then Ctrl-C (SIGINT) stops everything.
/// </summary>
/// <remarks>
/// The test starts the playground binary the build put next to this test (what <c>dotnet run --project
/// src/EcsOperator.Playground</c> runs after building it) with only <c>--kubeconfig</c> added, from the repository
/// root as the README says: running <c>dotnet run</c> itself here would rebuild a Debug tree inside a test. A
/// <c>-w</c> watch never ends by itself, as for a user it ends with Ctrl-C: the test reads its lines until the state
/// the step promises shows, checks it with <c>kubectl get -o json</c>, and ends the watch.
/// </remarks>
public sealed class ReadmeCommandPlaygroundTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void The_first_readme_command_is_the_playground_and_the_second_runs_the_tests()
    {
        var commands = ReadmeCommand.Extract(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));
        Assert.Equal("dotnet run --project src/EcsOperator.Playground", commands[0].Text);
        Assert.Equal("./scripts/test.sh", commands[1].Text);
    }

    [Fact]
    public async Task Ecs_operator_playground_runs_the_playground_binary_next_to_it_with_the_arguments()
    {
        // The test's output directory has both binaries, as a build of src/EcsOperator.Playground has.
        var result = await ProcessRunner.TryRunAsync(Path.Combine(AppContext.BaseDirectory, "ecs-operator"), ["playground", "--help"], TimeSpan.FromMinutes(1));

        Assert.NotNull(result);
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("--kubeconfig <path>", result.StandardOutput, StringComparison.Ordinal); // the playground's own usage

        var refused = await ProcessRunner.TryRunAsync(Path.Combine(AppContext.BaseDirectory, "ecs-operator"), ["playground", "--api-port", "x"], TimeSpan.FromMinutes(1));
        Assert.Equal(2, refused!.ExitCode);
        Assert.Contains("ecs-operator-playground:", refused.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ecs_operator_playground_says_how_to_get_the_playground_where_it_is_not_installed()
    {
        // The operator's own build output run as the image runs it (`dotnet ecs-operator.dll`), with no
        // ecs-operator-playground next to it or on PATH. Not the apphost: ImageTests' publish (UseAppHost=false) of the
        // same project may remove it from bin/ while this runs.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<configuration>/net10.0
        var operatorAlone = Path.Combine(RepoPaths.Root, "src", "EcsOperator", "bin", configuration, "net10.0", "ecs-operator.dll");
        Assert.True(File.Exists(operatorAlone), $"{operatorAlone} is built with this test project");
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(operatorAlone)!, "ecs-operator-playground")));
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "/usr/bin/dotnet";

        var result = await ProcessRunner.TryRunAsync("/usr/bin/env", ["PATH=/usr/bin:/bin", dotnet, operatorAlone, "playground"], TimeSpan.FromMinutes(1));

        Assert.NotNull(result);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the playground is not part of this build", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/EcsOperator.Playground", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_playground_starts_and_every_kubectl_command_it_prints_works_against_it()
    {
        Assert.True(Kubectl.Available, "kubectl is not on PATH: scripts/test.sh installs it (apt-get install kubectl or kubernetes-client)");
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"ecs-operator-playground-test-{Guid.NewGuid():N}", "kubeconfig");
        await using var playground = PlaygroundProcess.Start(["--kubeconfig", kubeconfig]);
        var printed = await playground.ReadUntilAsync(PlaygroundCli.StopHint, TimeSpan.FromMinutes(2));
        var commands = Commands(printed);
        Assert.True(commands.Count >= 8, "expected the playground to print the walkthrough's commands:\n" + printed);

        var environment = new Dictionary<string, string>();
        var checkedSteps = new List<string>();
        var watches = 0;
        foreach (var command in commands)
        {
            var words = ShellWords.Parse(command).Single().Single();
            switch (words)
            {
                case ["export", var assignment] when assignment.StartsWith("KUBECONFIG=", StringComparison.Ordinal):
                    environment["KUBECONFIG"] = assignment["KUBECONFIG=".Length..];
                    Assert.Equal(Path.GetFullPath(kubeconfig), environment["KUBECONFIG"]);
                    Assert.True(File.Exists(environment["KUBECONFIG"]), "the printed kubeconfig does not exist");
                    break;
                case ["kubectl", "apply", ..]:
                    var applied = await Kubectl.RunAsync(words, environment);
                    Assert.Contains("ecsservice.ecs.operator.dev/web created", applied, StringComparison.Ordinal);
                    Assert.Contains("ecstaskdefinition.ecs.operator.dev/web created", applied, StringComparison.Ordinal);
                    break;
                case ["kubectl", "get", _, _, "-n", _, "-w"]:
                    // 1st watch: the first rollout; 2nd: revision 2 rolled out; 3rd: the broken revision 3 failed and ECS rolled back.
                    watches++;
                    var shown = await Kubectl.WatchUntilAsync(words, environment, async line =>
                    {
                        var service = await Kubectl.GetJsonAsync(["kubectl", "get", "ecsservice", "web", "-n", "shop", "-o", "json"], environment);
                        return watches switch
                        {
                            1 => line.Contains("COMPLETED", StringComparison.Ordinal) && line.Contains("True", StringComparison.Ordinal) && Revision(service) == 1,
                            2 => line.Contains("COMPLETED", StringComparison.Ordinal) && line.Contains("True", StringComparison.Ordinal) && Revision(service) == 2,
                            _ => line.Contains("FAILED", StringComparison.Ordinal) && RolledBack(service),
                        };
                    }, StepTimeout);
                    checkedSteps.Add($"watch {watches}: {shown}");
                    break;
                case ["kubectl", "get", "ecs", "-n", _]:
                    var overview = await Kubectl.RunAsync(words, environment);
                    foreach (var expected in new[] { "ecscluster.ecs.operator.dev/prod", "ecstaskdefinition.ecs.operator.dev/web", "ecsservice.ecs.operator.dev/web", "COMPLETED", "ACTIVE" })
                        Assert.Contains(expected, overview, StringComparison.Ordinal);
                    break;
                case ["kubectl", "patch", "ecstaskdefinition", ..]:
                    Assert.Contains("patched", await Kubectl.RunAsync(words, environment), StringComparison.Ordinal);
                    break;
                case ["kubectl", "describe", "ecsservice", ..]:
                    var described = await Kubectl.RunAsync(words, environment);
                    Assert.Contains("circuit breaker", described, StringComparison.Ordinal);
                    Assert.Contains("RolloutFailed", described, StringComparison.Ordinal);
                    break;
                case ["kubectl", "delete", ..]:
                    var deleted = await Kubectl.RunAsync(words, environment);
                    Assert.Contains("ecsservice.ecs.operator.dev \"web\" deleted", deleted, StringComparison.Ordinal);
                    var left = await Kubectl.RunAsync(["kubectl", "get", "ecs", "-n", "shop"], environment);
                    Assert.DoesNotContain("ecsservice", left, StringComparison.Ordinal);
                    Assert.DoesNotContain("ecstaskdefinition", left, StringComparison.Ordinal);
                    break;
                default:
                    Assert.Fail($"the playground printed a command this test does not know how to check: {command}");
                    break;
            }

            checkedSteps.Add(command);
        }

        Assert.Equal(3, watches);
        Assert.Contains(checkedSteps, s => s.StartsWith("kubectl delete", StringComparison.Ordinal));

        // Ctrl-C: the operator, the simulator and the API server stop, and the playground exits 0.
        var (exitCode, output) = await playground.InterruptAsync(TimeSpan.FromMinutes(1));
        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
        Assert.EndsWith("Stopped.", output.TrimEnd(), StringComparison.Ordinal);
        Assert.False(ProcessAlive(playground.OperatorProcessId(printed)), "the operator process outlived the playground");
    }

    /// <summary>The command lines between "Try, in another terminal:" and the stop hint, without comments.</summary>
    private static List<string> Commands(string printed) =>
        printed.Split('\n')
            .SkipWhile(l => !l.StartsWith("Try, in another terminal:", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l != PlaygroundCli.StopHint)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();

    private static int Revision(JsonElement service) =>
        service.GetProperty("status").TryGetProperty("taskDefinitionArn", out var arn) && arn.GetString() is { } text
            ? int.Parse(text[(text.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    /// <summary>The newest rollout failed through the circuit breaker, and the service runs the last good revision again.</summary>
    private static bool RolledBack(JsonElement service)
    {
        var status = service.GetProperty("status");
        return status.TryGetProperty("rollout", out var rollout)
            && rollout.GetProperty("state").GetString() == "FAILED"
            && (rollout.TryGetProperty("reason", out var reason) ? reason.GetString() ?? string.Empty : string.Empty).Contains("circuit breaker", StringComparison.Ordinal)
            && status.GetProperty("conditions").EnumerateArray().Any(c => c.GetProperty("type").GetString() == "Ready" && c.GetProperty("status").GetString() == "False"
                && c.GetProperty("reason").GetString() == "RolloutFailed");
    }

    private static bool ProcessAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The playground as a child process, its stdout read line by line.</summary>
    private sealed class PlaygroundProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly SemaphoreSlim _lines = new(0);
        private readonly Task _reader;

        private PlaygroundProcess(Process process)
        {
            _process = process;
            _reader = Task.Run(async () =>
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    lock (_output)
                        _output.Append(line).Append('\n');
                    _lines.Release();
                }

                _lines.Release();
            });
        }

        public static PlaygroundProcess Start(IEnumerable<string> args)
        {
            var apphost = Path.Combine(AppContext.BaseDirectory, "ecs-operator-playground");
            var start = File.Exists(apphost)
                ? new ProcessStartInfo(apphost)
                : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ecs-operator-playground.dll") } };
            start.WorkingDirectory = RepoPaths.Root;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();
            return new PlaygroundProcess(process);
        }

        public string Output
        {
            get
            {
                lock (_output)
                    return _output.ToString();
            }
        }

        public int OperatorProcessId(string printed)
        {
            var marker = "ecs-operator run, pid ";
            var at = printed.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
            return int.Parse(printed[at..printed.IndexOf(',', at)], System.Globalization.CultureInfo.InvariantCulture);
        }

        public async Task<string> ReadUntilAsync(string line, TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            while (!Output.Split('\n').Contains(line))
            {
                if (_process.HasExited && _reader.IsCompleted)
                    Assert.Fail($"the playground exited ({_process.ExitCode}) before printing '{line}':\n{Output}");
                try
                {
                    await _lines.WaitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"the playground did not print '{line}' within {timeout}:\n{Output}");
                }
            }

            return Output;
        }

        public async Task<(int ExitCode, string Output)> InterruptAsync(TimeSpan timeout)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!)
                await kill.WaitForExitAsync();
            using var cts = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cts.Token);
            await _reader;
            return (_process.ExitCode, Output);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            _lines.Dispose();
        }
    }

    /// <summary>The real kubectl, with the environment the printed <c>export</c> set.</summary>
    private static class Kubectl
    {
        public static bool Available =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "kubectl")));

        public static async Task<string> RunAsync(IReadOnlyList<string> words, IReadOnlyDictionary<string, string> environment)
        {
            using var process = Start(words, environment);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(StepTimeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{string.Join(' ', words)} did not finish within {StepTimeout}: {await stdout}{await stderr}");
            }

            Assert.True(process.ExitCode == 0, $"{string.Join(' ', words)} exited {process.ExitCode}: {await stdout}{await stderr}");
            return await stdout;
        }

        public static async Task<JsonElement> GetJsonAsync(IReadOnlyList<string> words, IReadOnlyDictionary<string, string> environment)
        {
            using var document = JsonDocument.Parse(await RunAsync(words, environment));
            return document.RootElement.Clone();
        }

        /// <summary>Reads the watch's lines until <paramref name="done"/> holds for one, then ends the watch (Ctrl-C).</summary>
        public static async Task<string> WatchUntilAsync(IReadOnlyList<string> words, IReadOnlyDictionary<string, string> environment, Func<string, Task<bool>> done, TimeSpan timeout)
        {
            using var process = Start(words, environment);
            var stderr = process.StandardError.ReadToEndAsync();
            var seen = new StringBuilder();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
                {
                    seen.AppendLine(line);
                    if (await done(line))
                        return seen.ToString();
                }

                Assert.Fail($"{string.Join(' ', words)} ended (exit {(process.WaitForExit(5000) ? process.ExitCode : -1)}) before the expected state:\n{seen}{await stderr}");
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"{string.Join(' ', words)} did not show the expected state within {timeout}:\n{seen}");
            }
            finally
            {
                if (!process.HasExited)
                    process.Kill();
            }

            return seen.ToString();
        }

        private static Process Start(IReadOnlyList<string> words, IReadOnlyDictionary<string, string> environment)
        {
            var start = new ProcessStartInfo(words[0])
            {
                WorkingDirectory = RepoPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var word in words.Skip(1))
                start.ArgumentList.Add(word);
            foreach (var (name, value) in environment)
                start.Environment[name] = value;
            return Process.Start(start)!;
        }
    }
}
