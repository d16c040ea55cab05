namespace EcsOperator.Hosting;

/// <summary>What the operator manages and how often it re-checks AWS.</summary>
public sealed class OperatorOptions
{
    /// <summary>
    /// The first part of every owner tag (<c>&lt;cluster-id&gt;/&lt;namespace&gt;/&lt;name&gt;</c>); null reads the
    /// UID of the <c>kube-system</c> namespace, which is stable for the life of a cluster.
    /// </summary>
    public string? ClusterId { get; set; }

    /// <summary>Namespaces to watch; null or empty watches all.</summary>
    public IReadOnlyList<string>? Namespaces { get; set; }

    /// <summary>
    /// How often a Ready object is checked against AWS again (plus up to 10% jitter). EcsServices are checked by one
    /// sweep per interval that describes them in batches of 10 per cluster.
    /// </summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a deletion waits before checking again whether revisions are still in use.</summary>
    public TimeSpan DeletionRecheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How often the tasks of a running EcsTask are described while they are PENDING or RUNNING (DescribeTasks, 100
    /// tasks per call). Shorter reports exit codes sooner and costs more ECS read calls.
    /// </summary>
    public TimeSpan TaskPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How soon a service whose rollout is in progress (or that is draining, or waiting for ECS to apply a change) is
    /// described again.
    /// </summary>
    public TimeSpan RolloutRecheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How old a description from the periodic resync sweep (batched DescribeServices) may be for a service reconcile
    /// to use it instead of describing the service itself.
    /// </summary>
    public TimeSpan ServiceSnapshotMaxAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How old a census of a namespace's task-definition families (one ListTaskDefinitionFamilies) may be for a new
    /// EcsTaskDefinition whose family it does not hold to register without listing the family's revisions first.
    /// Zero turns the census off (every new object lists).
    /// </summary>
    public TimeSpan TaskDefinitionFamilyCensusMaxAge { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Extra ECS clusters whose services are asked which task-definition revisions they still run, before a revision
    /// is deregistered or deleted. The clusters of every EcsService are always asked; when there are no EcsServices
    /// and this is empty, the account's <c>default</c> cluster is asked.
    /// </summary>
    public IReadOnlyList<string> UsageClusters { get; set; } = [];

    /// <summary>Parallel reconciles per kind.</summary>
    public int Workers { get; set; } = 2;

    /// <summary>Elect a leader among replicas (off for a single local run or tests).</summary>
    public bool LeaderElection { get; set; } = true;
}
