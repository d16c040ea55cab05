using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The request of the <c>DescribeClusters</c> operation. Describes one or more of your clusters. For CLI examples,
/// see describe-clusters.rst on GitHub.
/// </summary>
public sealed record DescribeClustersRequest
{
    /// <summary>
    /// A list of up to 100 cluster names or full cluster Amazon Resource Name (ARN) entries. If you do not specify
    /// a cluster, the default cluster is assumed.
    /// </summary>
    public IReadOnlyList<string>? Clusters { get; init; }

    /// <summary>
    /// Determines whether to include additional information about the clusters in the response. If this field is
    /// omitted, this information isn't included.
    /// </summary>
    [AllowedValues("ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS")]
    public IReadOnlyList<string>? Include { get; init; }
}
