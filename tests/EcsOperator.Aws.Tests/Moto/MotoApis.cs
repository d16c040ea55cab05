using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Transport;
using EcsOperator.Testing.Moto;

namespace EcsOperator.Aws.Tests.Moto;

/// <summary>The typed clients over the real transport, pointed at a moto_server (or any loopback endpoint).</summary>
internal sealed class MotoApis : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly AwsJsonTransport _transport;

    public MotoApis(Uri endpoint)
    {
        var transport = _transport = new AwsJsonTransport(
            _http,
            new AwsClientOptions
            {
                Region = "eu-west-1",
                EcsEndpoint = endpoint,
                ApplicationAutoScalingEndpoint = endpoint,
                AccessKeyId = MotoServer.AccessKeyId,
                SecretAccessKey = MotoServer.SecretAccessKey,
                Retry = { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1) },
            },
            environment: _ => null);
        Ecs = new EcsClient(transport);
        AutoScaling = new ApplicationAutoScalingClient(transport);
    }

    public IEcsApi Ecs { get; }

    public IApplicationAutoScalingApi AutoScaling { get; }

    public void Dispose()
    {
        _transport.Dispose();
        _http.Dispose();
    }
}
