using System.CommandLine;

namespace EcsOperator.Cli;

/// <summary>The options of <c>ecs-operator run</c> (also accepted without a command), one per <see cref="RunSetting"/>.</summary>
internal sealed class RunOptions
{
    private readonly Dictionary<RunSetting, Option> _options = [];

    public RunOptions()
    {
        Text(RunSetting.Kubeconfig, "Kubeconfig file(s) to use (path-separator separated); default: in-cluster when KUBERNETES_SERVICE_HOST is set, else KUBECONFIG or ~/.kube/config.");
        Text(RunSetting.Context, "Kubeconfig context to use instead of current-context.");
        Many(RunSetting.Namespaces, "Namespace to watch (repeatable, or comma-separated); default: all namespaces.");
        Text(RunSetting.ResyncInterval, "How often a Ready object is checked against AWS again, e.g. 5m, 90s (default 5m).");
        Text(RunSetting.Workers, "Parallel reconciles per kind (default 2).");
        Text(RunSetting.ClusterId, "Cluster id in AWS owner tags (default: the kube-system namespace UID).");
        Many(RunSetting.UsageClusters, "ECS cluster asked which task-definition revisions are in use before deleting one in addition to the clusters of all EcsServices (repeatable; with neither, the default cluster).");
        var leader = new Option<bool>(RunSetting.LeaderElection.Option)
        {
            Description = $"Elect a leader among replicas through a Lease (default true). Env {RunSetting.LeaderElection.EnvironmentVariable}.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        _options[RunSetting.LeaderElection] = leader;
        Text(RunSetting.LeaderElectionNamespace, "Namespace of the leader Lease (default: the operator's namespace).");
        Text(RunSetting.LeaderElectionLeaseName, "Name of the leader Lease (default ecs-operator-leader).");
        Text(RunSetting.AwsRegion, "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region).");
        Text(RunSetting.EcsEndpoint, "ECS endpoint URL override (default: AWS_ENDPOINT_URL_ECS, AWS_ENDPOINT_URL, the regional endpoint).");
        Text(RunSetting.ApplicationAutoScalingEndpoint, "Application Auto Scaling endpoint URL override.");
        Text(RunSetting.Tenancy, "What a namespace no EcsTenantPolicy selects may do: strict (nothing reaches AWS) or open (the operator's own AWS principal, no field checks); default strict, or policies not read at all when exactly one namespace is watched.");
        Text(RunSetting.HealthPort, $"Port of the probes /healthz, /livez and /readyz, never authenticated (default {RunSettings.DefaultHealthPort}; 0 turns the listener off).");
        Text(RunSetting.HealthAddress, "Address the probe and metrics listeners bind (default 0.0.0.0).");
        Text(RunSetting.MetricsPort, $"Port of /metrics (default {RunSettings.DefaultMetricsPort}; 0 turns the listener off).");
        _options[RunSetting.MetricsSecure] = new Option<bool>(RunSetting.MetricsSecure.Option)
        {
            Description = "Serve /metrics over HTTPS to bearer tokens allowed 'get' on the non-resource URL /metrics (TokenReview + SubjectAccessReview; default true). "
                + $"false: plain HTTP without authentication, for local runs. Env {RunSetting.MetricsSecure.EnvironmentVariable}.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Text(RunSetting.LogFormat, "Log format on stdout: text or json (default text).");
        Text(RunSetting.LogLevel, "Minimum log level: trace, debug, information, warning, error, critical, none (default information).");
    }

    public IEnumerable<Option> All => _options.Values;

    /// <summary>The values of the options given on the command line (absent options are left to env / config).</summary>
    public IReadOnlyDictionary<RunSetting, IReadOnlyList<string>> Values(ParseResult parseResult)
    {
        var values = new Dictionary<RunSetting, IReadOnlyList<string>>();
        foreach (var (setting, option) in _options)
        {
            if (parseResult.GetResult(option) is not { Implicit: false })
                continue;
            values[setting] = option switch
            {
                Option<bool> b => [parseResult.GetValue(b) ? "true" : "false"],
                Option<string[]> many => parseResult.GetValue(many) ?? [],
                Option<string> one => parseResult.GetValue(one) is { } v ? [v] : [],
                _ => [],
            };
        }

        return values;
    }

    private void Text(RunSetting setting, string description) =>
        _options[setting] = new Option<string>(setting.Option)
        {
            Description = $"{description} Env {setting.EnvironmentVariable}.",
        };

    private void Many(RunSetting setting, string description) =>
        _options[setting] = new Option<string[]>(setting.Option)
        {
            Description = $"{description} Env {setting.EnvironmentVariable} (comma-separated).",
            AllowMultipleArgumentsPerToken = false,
        };
}
