using System.CommandLine;
using EcsOperator.Crds;
using EcsOperator.Aws.Transport;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var root = new RootCommand("ECS Operator: reconciles EcsTaskDefinition, EcsService, EcsCluster and EcsTask resources against Amazon ECS.");

var output = new Option<DirectoryInfo?>("--output", "-o")
{
    Description = "Write one <group>_<plural>.yaml file per kind into this directory instead of printing all CRDs to stdout.",
};
var crds = new Command("crds", "Print (or write) the CustomResourceDefinitions of the operator's kinds.") { output };
crds.SetAction(parseResult => CrdsCommand.Run(parseResult.GetValue(output), Console.Out, Console.Error));
root.Subcommands.Add(crds);

// Without a command: run the controllers against the current cluster (in-cluster or kubeconfig) and the AWS
// environment (region, credentials, endpoint overrides from AWS_* variables).
root.SetAction(async (parseResult, cancellationToken) =>
{
    var builder = Host.CreateApplicationBuilder();
    builder.Services.AddEcsOperator(o => builder.Configuration.GetSection("Operator").Bind(o));
    using var host = builder.Build();
    try
    {
        // Resolve the Kubernetes and AWS configuration before the host starts, so a problem with either is the one
        // line below rather than a hosting failure with a stack trace.
        _ = host.Services.GetRequiredService<IKubernetesClient>();
        await host.Services.GetRequiredService<AwsJsonTransport>().ValidateConfigurationAsync(cancellationToken);
        await host.RunAsync(cancellationToken);
        return 0;
    }
    catch (Exception e) when (e is KubernetesConfigException or AwsConfigurationException)
    {
        // A configuration problem is the user's to fix: say what it is, without a stack trace.
        Console.Error.WriteLine($"ecs-operator: {e.Message}");
        return 2;
    }
});

return await root.Parse(args).InvokeAsync();
