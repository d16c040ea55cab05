using EcsOperator.Kubernetes.Controller;
using EcsOperator.Kubernetes.Informer;
using EcsOperator.Kubernetes.Leader;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcsOperator.Kubernetes.Hosting;

/// <summary>Runs informers always (warm caches), and controllers and <see cref="ILeaderService"/>s while leading.</summary>
internal sealed class ControllerHostedService(
    IEnumerable<IController> controllers,
    IEnumerable<ILeaderService> leaderServices,
    SharedInformerFactory informers,
    IKubernetesClient client,
    IOptions<ControllerHostOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    StartupTrace startup,
    ILoggerFactory loggerFactory) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggerFactory.CreateLogger<ControllerHostedService>();
        startup.Mark("controllers constructed, informers starting");
        startup.MarkFirstReconcile();
        var informerTask = informers.RunAsync(stoppingToken);
        startup.MarkWhenDone(informers.WaitForSyncAsync(stoppingToken), "informers synced (initial lists)");
        var list = controllers.ToList();
        var background = leaderServices.ToList();

        // The leading token fires when the host stops (graceful: reconciles may finish) or when the lease is lost
        // while the host runs (abort: another replica may already lead, so in-flight reconciles stop at once).
        async Task RunControllers(CancellationToken leading)
        {
            startup.Mark("leader lease acquired");
            using var lost = new CancellationTokenSource();
            await using var onLost = leading.Register(() =>
            {
                if (!stoppingToken.IsCancellationRequested)
                    lost.Cancel();
            });
            await Task.WhenAll(list.Select(c => c.RunAsync(leading, lost.Token)).Concat(background.Select(b => b.RunAsync(leading))));
        }

        if (!options.Value.LeaderElection)
        {
            await Task.WhenAll(list.Select(c => c.RunAsync(stoppingToken)).Concat(background.Select(b => b.RunAsync(stoppingToken))));
        }
        else
        {
            var election = options.Value.Election;
            var ns = election.LeaseNamespace ?? client.DefaultNamespace;
            var elector = new LeaderElector(new KubernetesLeaseLock(client, ns, election.LeaseName), election, timeProvider,
                loggerFactory.CreateLogger<LeaderElector>());
            await elector.RunAsync(RunControllers, stoppingToken);
            if (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError("Lost the leader lease; stopping so a fresh replica can campaign");
                lifetime.StopApplication();
            }
        }

        await informerTask;
    }
}
