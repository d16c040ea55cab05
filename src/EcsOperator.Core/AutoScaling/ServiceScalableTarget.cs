using EcsOperator.Aws.Model.ApplicationAutoScaling;

namespace EcsOperator.Core.AutoScaling;

/// <summary>
/// How Application Auto Scaling names an ECS service's desired count: namespace <c>ecs</c>, resource id
/// <c>service/&lt;cluster&gt;/&lt;service&gt;</c>, dimension <c>ecs:service:DesiredCount</c>.
/// </summary>
/// <param name="ResourceId">The resource id, <c>service/&lt;clusterName&gt;/&lt;serviceName&gt;</c>.</param>
public sealed record ServiceScalableTarget(string ResourceId)
{
    /// <summary>The service namespace of every ECS scalable target.</summary>
    public const string Namespace = ServiceNamespace.Ecs;

    /// <summary>The scalable dimension of an ECS service.</summary>
    public const string Dimension = ScalableDimension.EcsServiceDesiredCount;

    /// <summary>The scalable target of a service, from the short cluster and service names (not ARNs).</summary>
    public static ServiceScalableTarget For(string clusterName, string serviceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterName);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        if (clusterName.StartsWith("arn:", StringComparison.Ordinal) || serviceName.StartsWith("arn:", StringComparison.Ordinal))
            throw new ArgumentException($"the scalable target needs short names, not ARNs (cluster '{clusterName}', service '{serviceName}')");
        return new ServiceScalableTarget($"service/{clusterName}/{serviceName}");
    }
}
