using EcsOperator.Playground;

// Everything lives in PlaygroundCli (the tests start the same entry as a process).
return await PlaygroundCli.RunAsync(args, Console.Out, Console.Error);
