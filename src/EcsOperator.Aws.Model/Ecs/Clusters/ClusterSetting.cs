using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The settings to use when creating a cluster. This parameter is used to turn on CloudWatch Container Insights
/// with enhanced observability or CloudWatch Container Insights for a cluster.
/// </summary>
public sealed record ClusterSetting
{
    /// <summary>
    /// The setting name; today only containerInsights.
    /// </summary>
    [AllowedValues("containerInsights")]
    public string? Name { get; init; }

    /// <summary>
    /// The setting value: enhanced, enabled or disabled for containerInsights.
    /// </summary>
    public string? Value { get; init; }
}
