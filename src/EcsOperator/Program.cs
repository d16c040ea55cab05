using System.CommandLine;
using EcsOperator.Crds;

var root = new RootCommand("ECS Operator: reconciles EcsTaskDefinition, EcsService, EcsCluster and EcsTask resources against Amazon ECS.");

var output = new Option<DirectoryInfo?>("--output", "-o")
{
    Description = "Write one <group>_<plural>.yaml file per kind into this directory instead of printing all CRDs to stdout.",
};
var crds = new Command("crds", "Print (or write) the CustomResourceDefinitions of the operator's kinds.") { output };
crds.SetAction(parseResult => CrdsCommand.Run(parseResult.GetValue(output), Console.Out, Console.Error));
root.Subcommands.Add(crds);

// The controller host lands with the reconcilers; until then running the operator says so and fails loudly.
root.SetAction(_ =>
{
    Console.Error.WriteLine("ecs-operator: the controller is not yet runnable (the host lands with the reconcilers); try 'ecs-operator crds'");
    return 2;
});

return await root.Parse(args).InvokeAsync();
