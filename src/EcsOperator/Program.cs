// The host lands with the reconcilers; until then the executable only says so, and fails loudly.
await Console.Error.WriteLineAsync("ecs-operator: not yet runnable (the host lands with the reconcilers)");
return 2;
