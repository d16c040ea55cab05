using System.CommandLine;
using EcsOperator.Crds;

namespace EcsOperator.Cli;

/// <summary>The <c>ecs-operator</c> command line: <c>run</c> (default), <c>crds</c>, <c>version</c>, <c>playground</c>.</summary>
public static class OperatorCli
{
    /// <summary>Exit code of a usage or configuration error.</summary>
    public const int UsageError = 2;

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        if (args is [PlaygroundCommand.Name, .. var playgroundArgs])
            return await PlaygroundCommand.RunAsync(playgroundArgs, stderr); // every argument is the playground's, --help too
        var root = Create(stdout, stderr);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // One line per problem and exit code 2, like every other configuration error.
            foreach (var error in parseResult.Errors)
                await stderr.WriteLineAsync($"ecs-operator: {error.Message}");
            return UsageError;
        }

        // The host's console lifetime handles SIGTERM / Ctrl+C (graceful stop, exit 0); System.CommandLine must not
        // race it with its own termination handling.
        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null });
    }

    private static RootCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("ECS Operator: reconciles EcsTaskDefinition, EcsService, EcsCluster and EcsTask resources against Amazon ECS.");
        RunCommand.Attach(root);
        root.Subcommands.Add(RunCommand.Create());

        var output = new Option<DirectoryInfo?>("--output", "-o")
        {
            Description = "Write one <group>_<plural>.yaml file per kind into this directory instead of printing all CRDs to stdout.",
        };
        var crds = new Command("crds", "Print (or write) the CustomResourceDefinitions of the operator's kinds.") { output };
        crds.SetAction(parseResult => CrdsCommand.Run(parseResult.GetValue(output), stdout, stderr));
        root.Subcommands.Add(crds);

        var version = new Command("version", "Print the operator's version.");
        version.SetAction(_ =>
        {
            stdout.WriteLine($"ecs-operator {OperatorVersion.Informational}");
            return 0;
        });
        root.Subcommands.Add(version);

        // Listed for --help; InvokeAsync hands `playground ...` over before parsing.
        root.Subcommands.Add(new Command(PlaygroundCommand.Name, "Run the operator against an in-memory Kubernetes API server and the ECS simulator (ecs-operator-playground)."));
        return root;
    }
}
