using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EcsOperator.Reconcilers.Services;

/// <summary>DI wiring of the service reconciler's Application Auto Scaling.</summary>
public static class ServiceAutoScalingRegistration
{
    /// <summary>
    /// Registers <see cref="IServiceAutoScaling"/> as <see cref="ApplicationAutoScalingSync"/> (a singleton; it needs
    /// the Application Auto Scaling client from <c>AddEcsOperatorAws</c> and logging).
    /// </summary>
    public static IServiceCollection AddServiceAutoScaling(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IServiceAutoScaling, ApplicationAutoScalingSync>();
        return services;
    }
}
