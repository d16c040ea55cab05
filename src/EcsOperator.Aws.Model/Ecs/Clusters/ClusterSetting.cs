using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The settings to use when creating a cluster. This parameter is used to turn on CloudWatch Container Insights
/// with enhanced observability or CloudWatch Container Insights for a cluster.
/// </summary>
public sealed record ClusterSetting
{
    /// <summary>
    /// The name of the cluster setting. The value is containerInsights.
    /// </summary>
    [AllowedValues("containerInsights")]
    public string? Name { get; init; }

    /// <summary>
    /// The value to set for the cluster setting. The supported values are enhanced, enabled, and disabled.
    /// </summary>
    public string? Value { get; init; }
}
