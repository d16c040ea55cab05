using EcsOperator.Cli;
using EcsOperator.KubeApiServer;
using EcsOperator.Simulator;

namespace EcsOperator.Playground;

/// <summary>
/// One running playground: the in-memory Kubernetes API server with the operator's CRDs, the ECS simulator in real
/// time, and <c>ecs-operator run</c> against both; the kubeconfig for kubectl is written. Disposing stops all three,
/// the operator first (so it never sees its API server vanish).
/// </summary>
public sealed class PlaygroundSession : IAsyncDisposable
{
    private readonly OperatorProcess _operator;

    private PlaygroundSession(KubeApiTestServer kube, EcsSimulator ecs, OperatorProcess op, string kubeconfig, string operatorLog)
    {
        Kube = kube;
        Ecs = ecs;
        _operator = op;
        Kubeconfig = kubeconfig;
        OperatorLog = operatorLog;
    }

    public KubeApiTestServer Kube { get; }

    public EcsSimulator Ecs { get; }

    public string Kubeconfig { get; }

    public string OperatorLog { get; }

    public int OperatorProcessId => _operator.Id;

    /// <summary>Completes with the operator's exit code if it ends before the playground is stopped.</summary>
    public Task<int> OperatorExited => _operator.Exited;

    public static async Task<PlaygroundSession> StartAsync(PlaygroundOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kubeconfig = Path.GetFullPath(options.Kubeconfig);
        var operatorLog = Path.Combine(Path.GetDirectoryName(kubeconfig)!, "operator.log");
        KubeApiTestServer? kube = null;
        EcsSimulator? ecs = null;
        try
        {
            kube = await StartKubeAsync(options, cancellationToken);
            ecs = await EcsSimulator.StartAsync(new EcsSimulatorOptions
            {
                Port = options.EcsPort,
                Clock = TimeProvider.System,
                RealTimeTickInterval = options.Tick,
                TaskStartTicks = 2,
            }, cancellationToken);
            PlaygroundImages.Install(ecs.Rules);

            Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
            await File.WriteAllTextAsync(kubeconfig, kube.KubeconfigYaml("ecs-operator-playground", defaultNamespace: "default"), cancellationToken);

            var op = OperatorProcess.Start(kubeconfig, ecs.BaseAddress, operatorLog);
            try
            {
                await op.WaitReadyAsync(options.OperatorStartTimeout, cancellationToken);
            }
            catch
            {
                await op.DisposeAsync();
                throw;
            }

            return new PlaygroundSession(kube, ecs, op, kubeconfig, operatorLog);
        }
        catch
        {
            if (ecs is not null)
                await ecs.DisposeAsync();
            if (kube is not null)
                await kube.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _operator.DisposeAsync();
        await Ecs.DisposeAsync();
        await Kube.DisposeAsync();
    }

    /// <summary>The API server with the CRDs the operator itself generates (<c>ecs-operator crds</c>), so they always match it.</summary>
    private static async Task<KubeApiTestServer> StartKubeAsync(PlaygroundOptions options, CancellationToken cancellationToken)
    {
        using var crds = new StringWriter();
        using var errors = new StringWriter();
        if (await OperatorCli.InvokeAsync(["crds"], crds, errors) != 0)
            throw new PlaygroundException($"ecs-operator crds failed: {errors}");
        var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions
        {
            Port = options.ApiPort,
            RecordRequests = false,
        }, cancellationToken);
        kube.Resources.RegisterCrdYaml(crds.ToString());
        return kube;
    }
}
