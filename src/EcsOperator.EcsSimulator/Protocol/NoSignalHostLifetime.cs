using Microsoft.Extensions.Hosting;

namespace EcsOperator.Simulator.Protocol;

/// <summary>
/// Replaces the console lifetime so an in-process simulator never hooks Ctrl+C/SIGTERM of the test process;
/// the standalone program handles signals itself.
/// </summary>
internal sealed class NoSignalHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
