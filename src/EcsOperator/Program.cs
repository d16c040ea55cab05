using EcsOperator.Cli;
using EcsOperator.Kubernetes.Hosting;

StartupTrace.MainEntered();

// Commands and options live in Cli/: run (default), crds, version, playground.
return await OperatorCli.InvokeAsync(args);
