using EcsOperator.Api;
using EcsOperator.Aws;
using EcsOperator.Aws.ApplicationAutoScaling;
using EcsOperator.Aws.Credentials;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Principals;
using EcsOperator.Aws.Resilience;
using EcsOperator.Aws.Transport;
using EcsOperator.Core.Tenancy;
using EcsOperator.Kubernetes.Informer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestResourceType = EcsOperator.Kubernetes.Rest.ResourceType;

namespace EcsOperator.Hosting;

/// <summary>
/// Wires tenancy: informers on Namespaces and EcsTenantPolicies, the <see cref="INamespaceTenancySource"/> the
/// reconcilers check objects with, and <see cref="IAwsClientsForNamespace"/> as per-namespace assumed roles.
/// </summary>
public static class TenancyRegistration
{
    /// <summary>ecstenantpolicies, cluster-scoped.</summary>
    public static RestResourceType TenantPolicies { get; } = new(
        Kinds.TenantPolicy.Group, Kinds.TenantPolicy.Version, Kinds.TenantPolicy.Plural, Kinds.TenantPolicy.Kind, Namespaced: false);

    /// <summary>Registers tenancy after <see cref="OperatorServiceCollectionExtensions.AddEcsOperator"/>, replacing the shared AWS principal.</summary>
    public static IServiceCollection AddEcsOperatorTenancy(this IServiceCollection services, Action<TenancyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TenancyOptions>();
        if (configure is not null)
            options.Configure(configure);

        services.TryAddSingleton(sp => new TenancyPolicies(sp.GetRequiredService<IOptions<TenancyOptions>>().Value.Mode is { } mode
            ? new InformerTenancySource(sp.GetRequiredService<SharedInformerFactory>(), mode)
            : null));
        services.Replace(ServiceDescriptor.Singleton<INamespaceTenancySource>(sp =>
            (INamespaceTenancySource?)sp.GetRequiredService<TenancyPolicies>().Source ?? Unchecked));
        services.Replace(ServiceDescriptor.Singleton<IAwsClientsForNamespace>(sp => CreateClients(sp)));
        return services;
    }

    /// <summary>Tenancy off: every namespace open, on the operator's principal (what <c>AddEcsOperator</c> alone registers).</summary>
    internal static INamespaceTenancySource Unchecked { get; } = new UncheckedTenancy();

    private static IAwsClientsForNamespace CreateClients(IServiceProvider sp)
    {
        var ecs = sp.GetRequiredService<IEcsApi>();
        var autoScaling = sp.GetRequiredService<IApplicationAutoScalingApi>();
        if (sp.GetRequiredService<TenancyPolicies>().Source is not { } tenancy)
            return new SharedAwsClients(ecs, autoScaling);

        var awsOptions = sp.GetRequiredService<IOptions<AwsClientOptions>>().Value;
        var roleOptions = sp.GetRequiredService<IOptions<TenancyOptions>>().Value.Roles;
        var sts = new StsRoleAssumer(
            sp.GetRequiredService<AwsCredentialsSource>(),
            () => sp.GetRequiredService<AwsJsonTransport>().Region,
            roleOptions.StsEndpoint);
        return new AssumedRoleAwsClients(
            tenancy,
            new AwsClients(ecs, autoScaling),
            sts,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(AwsServiceCollectionExtensions.HttpClientName),
            awsOptions,
            roleOptions,
            sp.GetRequiredService<AwsRateLimiters>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>());
    }

    /// <summary>The policy source, or null when tenancy is off (one registration whatever the mode).</summary>
    private sealed record TenancyPolicies(InformerTenancySource? Source);

    /// <summary>Without tenancy: nothing is checked (the operator's principal serves every namespace).</summary>
    private sealed class UncheckedTenancy : INamespaceTenancySource
    {
        public NamespaceTenancy For(string @namespace) => new() { Namespace = @namespace, MayUseOperatorPrincipal = true };
    }
}
