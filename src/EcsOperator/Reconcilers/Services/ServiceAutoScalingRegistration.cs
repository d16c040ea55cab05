using EcsOperator.Aws.ApplicationAutoScaling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Reconcilers.Services;

/// <summary>DI wiring of the service reconciler's Application Auto Scaling.</summary>
public static class ServiceAutoScalingRegistration
{
    /// <summary>
    /// Registers how <see cref="IServiceAutoScaling"/> is made for one principal's Application Auto Scaling client: an
    /// <see cref="ApplicationAutoScalingSync"/> over it (it needs logging). The reconciler makes one per call with the
    /// client of the service's namespace, so no sync is bound to the operator's own identity.
    /// </summary>
    public static IServiceCollection AddServiceAutoScaling(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<Func<IApplicationAutoScalingApi, IServiceAutoScaling>>(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<ApplicationAutoScalingSync>>();
            return api => new ApplicationAutoScalingSync(api, logger);
        });
        return services;
    }
}
