using EcsOperator.Aws;
using Microsoft.Extensions.DependencyInjection;

namespace EcsOperator.Testing;

/// <summary>The operator's AWS clients (ECS and Application Auto Scaling) pointed at one simulator, with test credentials.</summary>
public static class SimulatorAwsClients
{
    public const string Region = "us-east-1";

    public const string AccessKeyId = "AKIDEXAMPLE";

    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /// <summary>The clients for <paramref name="endpoint"/>; the client-side rate limits only when <paramref name="rateLimits"/>.</summary>
    public static ServiceProvider Create(Uri endpoint, bool rateLimits = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddEcsOperatorAws(a =>
        {
            a.Region = Region;
            a.AccessKeyId = AccessKeyId;
            a.SecretAccessKey = SecretAccessKey;
            a.EcsEndpoint = endpoint;
            a.ApplicationAutoScalingEndpoint = endpoint;
            a.RateLimits.Enabled = rateLimits;
        });
        return services.BuildServiceProvider();
    }
}
