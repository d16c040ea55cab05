namespace EcsOperator.Cli;

/// <summary>
/// One setting of <c>ecs-operator run</c> and its three sources, highest precedence first: the command-line option,
/// the environment variable, the configuration key (appsettings.json, or any .NET configuration source such as
/// <c>Operator__Workers</c> in the environment).
/// </summary>
public sealed record RunSetting(string Option, string EnvironmentVariable, string ConfigurationKey)
{
    public static RunSetting Kubeconfig { get; } = new("--kubeconfig", "ECS_OPERATOR_KUBECONFIG", "Kubernetes:Kubeconfig");

    public static RunSetting Context { get; } = new("--context", "ECS_OPERATOR_CONTEXT", "Kubernetes:Context");

    public static RunSetting Namespaces { get; } = new("--namespace", "ECS_OPERATOR_NAMESPACES", "Operator:Namespaces");

    public static RunSetting ResyncInterval { get; } = new("--resync-interval", "ECS_OPERATOR_RESYNC_INTERVAL", "Operator:ResyncInterval");

    public static RunSetting Workers { get; } = new("--workers", "ECS_OPERATOR_WORKERS", "Operator:Workers");

    public static RunSetting ClusterId { get; } = new("--cluster-id", "ECS_OPERATOR_CLUSTER_ID", "Operator:ClusterId");

    public static RunSetting UsageClusters { get; } = new("--usage-cluster", "ECS_OPERATOR_USAGE_CLUSTERS", "Operator:UsageClusters");

    public static RunSetting LeaderElection { get; } = new("--leader-election", "ECS_OPERATOR_LEADER_ELECTION", "Operator:LeaderElection");

    public static RunSetting LeaderElectionNamespace { get; } = new("--leader-election-namespace", "ECS_OPERATOR_LEADER_ELECTION_NAMESPACE", "Operator:LeaderElectionNamespace");

    public static RunSetting LeaderElectionLeaseName { get; } = new("--leader-election-lease-name", "ECS_OPERATOR_LEADER_ELECTION_LEASE_NAME", "Operator:LeaderElectionLeaseName");

    public static RunSetting AwsRegion { get; } = new("--aws-region", "ECS_OPERATOR_AWS_REGION", "Aws:Region");

    public static RunSetting EcsEndpoint { get; } = new("--ecs-endpoint", "ECS_OPERATOR_ECS_ENDPOINT", "Aws:EcsEndpoint");

    public static RunSetting ApplicationAutoScalingEndpoint { get; } = new("--application-autoscaling-endpoint", "ECS_OPERATOR_APPLICATION_AUTOSCALING_ENDPOINT", "Aws:ApplicationAutoScalingEndpoint");

    public static RunSetting Tenancy { get; } = new("--tenancy", "ECS_OPERATOR_TENANCY", "Operator:Tenancy");

    public static RunSetting HealthPort { get; } = new("--health-port", "ECS_OPERATOR_HEALTH_PORT", "Health:Port");

    public static RunSetting HealthAddress { get; } = new("--health-address", "ECS_OPERATOR_HEALTH_ADDRESS", "Health:Address");

    public static RunSetting MetricsPort { get; } = new("--metrics-port", "ECS_OPERATOR_METRICS_PORT", "Metrics:Port");

    public static RunSetting MetricsSecure { get; } = new("--metrics-secure", "ECS_OPERATOR_METRICS_SECURE", "Metrics:Secure");

    public static RunSetting LogFormat { get; } = new("--log-format", "ECS_OPERATOR_LOG_FORMAT", "Logging:Format");

    public static RunSetting LogLevel { get; } = new("--log-level", "ECS_OPERATOR_LOG_LEVEL", "Logging:LogLevel:Default");

    /// <summary>Every setting, in the order of <c>ecs-operator run --help</c>.</summary>
    public static IReadOnlyList<RunSetting> All { get; } =
    [
        Kubeconfig, Context, Namespaces, ResyncInterval, Workers, ClusterId, UsageClusters, LeaderElection,
        LeaderElectionNamespace, LeaderElectionLeaseName, AwsRegion, EcsEndpoint, ApplicationAutoScalingEndpoint,
        Tenancy, HealthPort, HealthAddress, MetricsPort, MetricsSecure, LogFormat, LogLevel,
    ];
}
