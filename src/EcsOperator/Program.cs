using EcsOperator.Cli;

// Commands and options live in Cli/: run (default), crds, version.
return await OperatorCli.InvokeAsync(args);
