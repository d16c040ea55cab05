using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Tests.Transport;

/// <summary>Transports pointed at a loopback server with static keys and fast retries.</summary>
internal static class TestTransports
{
    public const string AccessKey = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    public static readonly AwsOperation Ping = new(AwsService.Ecs, "Ping", OperationFamily.Read);

    public static AwsClientOptions Options(Uri endpoint, Action<AwsClientOptions>? configure = null)
    {
        var options = new AwsClientOptions
        {
            Region = "eu-west-1",
            EcsEndpoint = endpoint,
            ApplicationAutoScalingEndpoint = endpoint,
            AccessKeyId = AccessKey,
            SecretAccessKey = SecretKey,
            Retry =
            {
                MaxAttempts = 5,
                BaseDelay = TimeSpan.FromMilliseconds(2),
                MaxDelay = TimeSpan.FromMilliseconds(20),
                AttemptTimeout = TimeSpan.FromSeconds(10),
                TotalTimeout = TimeSpan.FromSeconds(30),
            },
        };
        configure?.Invoke(options);
        return options;
    }

    public static AwsJsonTransport Create(Uri endpoint, Action<AwsClientOptions>? configure = null, TimeProvider? time = null) =>
        new(new HttpClient(), Options(endpoint, configure), time, environment: _ => null);

    /// <summary>One call with the test's own cancellation token.</summary>
    public static Task<PingResponse> PingAsync(this IAwsJsonTransport transport, string value = "hi", AwsOperation? operation = null) =>
        transport.PingUntilAsync(Xunit.TestContext.Current.CancellationToken, value, operation);

    /// <summary>One call with a caller-controlled cancellation token.</summary>
    public static Task<PingResponse> PingUntilAsync(this IAwsJsonTransport transport, CancellationToken cancellationToken, string value = "hi", AwsOperation? operation = null) =>
        transport.SendAsync(
            operation ?? Ping,
            new PingRequest(value),
            TestJsonContext.Default.PingRequest,
            TestJsonContext.Default.PingResponse,
            cancellationToken);
}
