using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EcsOperator.Cli;

/// <summary>
/// <c>ecs-operator playground</c> runs <c>ecs-operator-playground</c> (next to this binary, else on PATH) with the
/// remaining arguments, as <c>git foo</c> runs <c>git-foo</c>. The playground carries an unauthenticated API server
/// and the ECS simulator, so it is a separate program the operator image does not contain.
/// </summary>
internal static partial class PlaygroundCommand
{
    public const string Name = "playground";

    private const string Program = "ecs-operator-playground";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stderr)
    {
        if (Locate() is not { } path)
        {
            await stderr.WriteLineAsync($"ecs-operator: the playground is not part of this build ({Program} is neither next to ecs-operator nor on PATH); "
                + "from a source checkout run: dotnet run --project src/EcsOperator.Playground");
            return 1;
        }

        var start = new ProcessStartInfo(path) { UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;

        // Stay alive until the playground has stopped its parts: pass Ctrl-C / SIGTERM on instead of dying first.
        void Forward(PosixSignalContext context)
        {
            context.Cancel = true;
            if (!child.HasExited && Kill(child.Id, context.Signal == PosixSignal.SIGINT ? 2 : 15) != 0)
                child.Kill(entireProcessTree: true);
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Forward);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Forward);
        await child.WaitForExitAsync(CancellationToken.None);
        return child.ExitCode;
    }

    private static string? Locate()
    {
        var executable = OperatingSystem.IsWindows() ? Program + ".exe" : Program;
        return new[] { AppContext.BaseDirectory }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
