using EcsOperator.Aws;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Transport;
using EcsOperator.Testing.Moto;
using Xunit;

namespace EcsOperator.EndToEnd.Tests.Moto;

/// <summary>
/// Base of the end-to-end tests against moto_server: a freshly reset moto, a Kubernetes API test server and the
/// real operator host whose ECS and Application Auto Scaling endpoints point at moto. The tests check what the
/// operator did through our own typed clients (the same wire code the operator uses), so a request moto cannot
/// parse or a response our clients cannot read fails here rather than only against AWS. Application Auto Scaling
/// goes through <see cref="MotoShim"/> (moto lacks its tagging operations), for the operator and the test; the
/// operator's ECS calls go through it too (moto's CreateService replaces a service of the same name where ECS refuses).
/// </summary>
public abstract class MotoOperatorTest(MotoServer moto) : IAsyncLifetime
{
    /// <summary>The operator's region; moto keeps state per region, so the test's own clients use it too.</summary>
    protected const string Region = "us-east-1";

    private readonly HttpClient _http = new();
    private AwsJsonTransport? _transport;
    private OperatorEnvironment? _env;
    private MotoShim? _shim;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected MotoServer Moto => moto;

    private protected OperatorEnvironment Env => _env ?? throw new InvalidOperationException("not initialized");

    /// <summary>ECS in moto, through our client.</summary>
    protected IEcsApi Ecs { get; private set; } = null!;

    /// <summary>Application Auto Scaling in moto (tags: in the shim), through our client.</summary>
    protected IApplicationAutoScalingApi AutoScaling { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync()
    {
        await moto.ResetAsync(Ct);
        _shim = await MotoShim.StartAsync(moto.Endpoint, Ct);
        _transport = new AwsJsonTransport(
            _http,
            new AwsClientOptions
            {
                Region = Region,
                EcsEndpoint = moto.Endpoint,
                ApplicationAutoScalingEndpoint = _shim.Endpoint,
                AccessKeyId = MotoServer.AccessKeyId,
                SecretAccessKey = MotoServer.SecretAccessKey,
            },
            environment: _ => null);
        Ecs = new EcsClient(_transport);
        AutoScaling = new ApplicationAutoScalingClient(_transport);
        _env = await OperatorEnvironment.StartAsync(moto.Endpoint, Ct);
    }

    /// <summary>Starts the operator against moto (region and credentials as moto expects).</summary>
    private protected Task StartOperatorAsync(Action<Hosting.OperatorOptions>? configure = null) =>
        Env.StartOperatorAsync(Ct, configure, a =>
        {
            a.Region = Region;
            a.AccessKeyId = MotoServer.AccessKeyId;
            a.SecretAccessKey = MotoServer.SecretAccessKey;
            a.ApplicationAutoScalingEndpoint = _shim!.Endpoint;
            a.EcsEndpoint = _shim.Endpoint;
        });

    public virtual async ValueTask DisposeAsync()
    {
        if (_env is not null)
            await _env.DisposeAsync();
        if (_shim is not null)
            await _shim.DisposeAsync();
        _transport?.Dispose();
        _http.Dispose();
        GC.SuppressFinalize(this);
    }
}
