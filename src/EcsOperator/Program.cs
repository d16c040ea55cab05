using EcsOperator.Cli;

// Commands and options live in Cli/: run (default), crds, version, playground.
return await OperatorCli.InvokeAsync(args);
