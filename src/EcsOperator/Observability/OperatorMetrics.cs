using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EcsOperator.Observability;

/// <summary>
/// The operator's own meter (<c>EcsOperator</c>), next to the runtime's <c>EcsOperator.Kubernetes</c> and the AWS
/// clients' <c>EcsOperator.Aws</c>: what reconcilers observe about AWS that no transport layer can see.
/// </summary>
public static class OperatorMetrics
{
    /// <summary>The Meter name.</summary>
    public const string Name = "EcsOperator";

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> DriftDetections = Meter.CreateCounter<long>(
        "ecs_operator.drift.detections", "{detection}", "AWS resources found changed outside the operator, by kind");

    /// <summary>Counts one detection of drift on an object of <paramref name="kind"/> (e.g. EcsService).</summary>
    public static void DriftDetected(string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        DriftDetections.Add(1, new TagList { { "kind", kind } });
    }
}
