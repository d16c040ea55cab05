using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Credentials;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Principals;
using EcsOperator.Aws.Resilience;
using EcsOperator.Aws.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EcsOperator.Aws;

/// <summary>DI registration of the AWS transport (and the typed ECS / Application Auto Scaling clients on top).</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient the transport uses (configure it for proxies or extra handlers).</summary>
    public const string HttpClientName = "EcsOperator.Aws";

    /// <summary>
    /// Registers <see cref="AwsClientOptions"/>, the shared credential source and rate limiters, and
    /// <see cref="IAwsJsonTransport"/> as singletons.
    /// </summary>
    public static IServiceCollection AddEcsOperatorAws(this IServiceCollection services, Action<AwsClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AwsClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddHttpClient(HttpClientName)
            // The transport holds one client for its lifetime; connection recycling (DNS changes) comes from the
            // handler's pooled-connection lifetime instead of the factory's handler rotation.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

        services.AddSingleton(sp => new AwsCredentialsSource(sp.GetRequiredService<IOptions<AwsClientOptions>>().Value));
        services.AddSingleton(sp => new AwsRateLimiters(sp.GetRequiredService<IOptions<AwsClientOptions>>().Value.RateLimits));
        services.AddSingleton(sp => new AwsJsonTransport(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            sp.GetRequiredService<IOptions<AwsClientOptions>>().Value,
            sp.GetService<TimeProvider>(),
            environment: null,
            sp.GetRequiredService<AwsCredentialsSource>(),
            sp.GetRequiredService<AwsRateLimiters>(),
            sp.GetService<ILogger<AwsJsonTransport>>()));
        services.AddSingleton<IAwsJsonTransport>(sp => sp.GetRequiredService<AwsJsonTransport>());

        services.AddSingleton<IEcsApi, EcsClient>();
        services.AddSingleton<IApplicationAutoScalingApi, ApplicationAutoScalingClient>();
        services.AddSingleton<IAwsClientsForNamespace, SharedAwsClients>();
        return services;
    }
}
