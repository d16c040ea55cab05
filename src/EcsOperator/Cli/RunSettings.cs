using System.Globalization;
using System.Net;
using EcsOperator.Aws;
using EcsOperator.Core.Tenancy;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Cli;

/// <summary>
/// The validated settings of <c>ecs-operator run</c>, resolved from the command line, <c>ECS_OPERATOR_*</c>
/// environment variables and configuration (in that order of precedence; see <see cref="RunSetting"/>).
/// </summary>
public sealed record RunSettings
{
    /// <summary>Port of /healthz, /livez and /readyz when nothing sets it.</summary>
    public const int DefaultHealthPort = 8081;

    /// <summary>Port of /metrics when nothing sets it (controller-runtime's secure metrics port).</summary>
    public const int DefaultMetricsPort = 8443;

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    /// <summary>Empty: all namespaces.</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromMinutes(5);

    public int Workers { get; init; } = 2;

    public string? ClusterId { get; init; }

    /// <summary>Null: the operator's default (<c>default</c>).</summary>
    public IReadOnlyList<string>? UsageClusters { get; init; }

    public bool LeaderElection { get; init; } = true;

    /// <summary>Null: the namespace of the Kubernetes client (in-cluster: the pod's namespace).</summary>
    public string? LeaderElectionNamespace { get; init; }

    public string LeaderElectionLeaseName { get; init; } = "ecs-operator-leader";

    public string? AwsRegion { get; init; }

    public Uri? EcsEndpoint { get; init; }

    public Uri? ApplicationAutoScalingEndpoint { get; init; }

    /// <summary>0: no probe listener.</summary>
    public int HealthPort { get; init; } = DefaultHealthPort;

    /// <summary>--tenancy as given (null: the default, see <see cref="ApplyTo(TenancyOptions)"/>).</summary>
    public TenancyMode? Tenancy { get; init; }

    /// <summary>The address of the probe and the metrics listeners.</summary>
    public IPAddress HealthAddress { get; init; } = IPAddress.Any;

    /// <summary>0: no metrics listener (OTLP export, when configured, still works).</summary>
    public int MetricsPort { get; init; } = DefaultMetricsPort;

    /// <summary>True: HTTPS and TokenReview + SubjectAccessReview on /metrics; false: plain HTTP for anyone (local runs).</summary>
    public bool MetricsSecure { get; init; } = true;

    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    /// <summary>Null: whatever configuration says (Information by default).</summary>
    public LogLevel? LogLevel { get; init; }

    /// <summary>
    /// Resolves every setting: <paramref name="commandLine"/> (values of the options given), then
    /// <paramref name="environment"/> (ECS_OPERATOR_* variables), then <paramref name="configuration"/>.
    /// Throws <see cref="OptionException"/> naming the option and the bad value.
    /// </summary>
    public static RunSettings Resolve(IReadOnlyDictionary<RunSetting, IReadOnlyList<string>> commandLine,
        Func<string, string?> environment, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        var sources = new Sources(commandLine, environment, configuration);
        var defaults = new RunSettings();
        return new RunSettings
        {
            Kubeconfig = sources.Text(RunSetting.Kubeconfig),
            Context = sources.Text(RunSetting.Context),
            Namespaces = ValidNamespaces(sources.List(RunSetting.Namespaces) ?? [], RunSetting.Namespaces),
            ResyncInterval = sources.Parse<TimeSpan>(RunSetting.ResyncInterval, "a positive duration such as 5m, 90s or 1h", ParsePositiveDuration) ?? defaults.ResyncInterval,
            Workers = sources.Parse<int>(RunSetting.Workers, "a whole number of at least 1", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : (int?)null) ?? defaults.Workers,
            ClusterId = sources.Text(RunSetting.ClusterId),
            UsageClusters = sources.List(RunSetting.UsageClusters),
            LeaderElection = sources.Parse<bool>(RunSetting.LeaderElection, "true or false", s => bool.TryParse(s, out var b) ? b : (bool?)null) ?? defaults.LeaderElection,
            LeaderElectionNamespace = sources.Text(RunSetting.LeaderElectionNamespace),
            LeaderElectionLeaseName = sources.Text(RunSetting.LeaderElectionLeaseName) ?? defaults.LeaderElectionLeaseName,
            AwsRegion = sources.Text(RunSetting.AwsRegion),
            EcsEndpoint = sources.ParseObject(RunSetting.EcsEndpoint, "an absolute http(s) URL", ParseHttpUrl),
            ApplicationAutoScalingEndpoint = sources.ParseObject(RunSetting.ApplicationAutoScalingEndpoint, "an absolute http(s) URL", ParseHttpUrl),
            Tenancy = sources.Parse<TenancyMode>(RunSetting.Tenancy, "strict or open", s => s.ToUpperInvariant() switch
            {
                "STRICT" => TenancyMode.Strict,
                "OPEN" => TenancyMode.Open,
                _ => (TenancyMode?)null,
            }),
            HealthPort = sources.Parse<int>(RunSetting.HealthPort, "a port number from 0 (off) to 65535", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535 ? p : (int?)null) ?? defaults.HealthPort,
            MetricsPort = sources.Parse<int>(RunSetting.MetricsPort, "a port number from 0 (off) to 65535", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535 ? p : (int?)null) ?? defaults.MetricsPort,
            MetricsSecure = sources.Parse<bool>(RunSetting.MetricsSecure, "true or false", s => bool.TryParse(s, out var b) ? b : (bool?)null) ?? defaults.MetricsSecure,
            HealthAddress = sources.ParseObject(RunSetting.HealthAddress, "an IP address such as 0.0.0.0 or 127.0.0.1", s => IPAddress.TryParse(s, out var a) ? a : null) ?? defaults.HealthAddress,
            LogFormat = sources.Parse<LogFormat>(RunSetting.LogFormat, "json or text", s => s.ToUpperInvariant() switch
            {
                "JSON" => LogFormat.Json,
                "TEXT" => LogFormat.Text,
                _ => (LogFormat?)null,
            }) ?? defaults.LogFormat,
            LogLevel = sources.Parse<LogLevel>(RunSetting.LogLevel, "trace, debug, information, warning, error, critical or none", ParseLogLevel),
        };
    }

    /// <summary>Copies what the operator core reads into <see cref="OperatorOptions"/>.</summary>
    public void ApplyTo(OperatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Namespaces = Namespaces.Count == 0 ? null : Namespaces;
        options.ResyncInterval = ResyncInterval;
        options.Workers = Workers;
        options.ClusterId = ClusterId;
        options.LeaderElection = LeaderElection;
        if (UsageClusters is { Count: > 0 } usage)
            options.UsageClusters = usage;
    }

    /// <summary>Copies the cluster connection settings into <see cref="KubernetesClientOptions"/>.</summary>
    public void ApplyTo(KubernetesClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Kubeconfig is not null)
            options.KubeConfigPaths = Kubeconfig.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        options.Context = Context;
    }

    /// <summary>Copies region and endpoint overrides into <see cref="AwsClientOptions"/>.</summary>
    public void ApplyTo(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (AwsRegion is not null)
            options.Region = AwsRegion;
        if (EcsEndpoint is not null)
            options.EcsEndpoint = EcsEndpoint;
        if (ApplicationAutoScalingEndpoint is not null)
            options.ApplicationAutoScalingEndpoint = ApplicationAutoScalingEndpoint;
    }

    /// <summary>
    /// The tenancy mode: --tenancy when given; otherwise strict, except that an install watching exactly one namespace
    /// (the single-namespace overlay, Role-only RBAC that cannot read cluster-scoped policies) reads no policies and
    /// runs every call as the operator, as before tenancy existed.
    /// </summary>
    public void ApplyTo(TenancyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Mode = Tenancy ?? (Namespaces.Count == 1 ? null : TenancyMode.Strict);
    }

    /// <summary>Copies the lease namespace and name into <see cref="ControllerHostOptions"/>.</summary>
    public void ApplyTo(ControllerHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.LeaderElection = LeaderElection;
        options.Election = options.Election with
        {
            LeaseName = LeaderElectionLeaseName,
            LeaseNamespace = LeaderElectionNamespace ?? options.Election.LeaseNamespace,
        };
    }

    private static IReadOnlyList<string> ValidNamespaces(IReadOnlyList<string> namespaces, RunSetting setting)
    {
        foreach (var ns in namespaces)
        {
            if (ns.Length > 63 || !ns.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || ns[0] == '-' || ns[^1] == '-')
                throw new OptionException($"{setting.Option}: '{ns}' is not a namespace name (lowercase letters, digits and '-', at most 63)");
        }

        return namespaces;
    }

    private static TimeSpan? ParsePositiveDuration(string text) =>
        Durations.TryParse(text, out var d) && d > TimeSpan.Zero ? d : null;

    private static Uri? ParseHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static LogLevel? ParseLogLevel(string text) => text.ToUpperInvariant() switch
    {
        "TRACE" => Microsoft.Extensions.Logging.LogLevel.Trace,
        "DEBUG" => Microsoft.Extensions.Logging.LogLevel.Debug,
        "INFORMATION" or "INFO" => Microsoft.Extensions.Logging.LogLevel.Information,
        "WARNING" or "WARN" => Microsoft.Extensions.Logging.LogLevel.Warning,
        "ERROR" => Microsoft.Extensions.Logging.LogLevel.Error,
        "CRITICAL" => Microsoft.Extensions.Logging.LogLevel.Critical,
        "NONE" => Microsoft.Extensions.Logging.LogLevel.None,
        _ => null,
    };

    private sealed class Sources(IReadOnlyDictionary<RunSetting, IReadOnlyList<string>> commandLine, Func<string, string?> environment, IConfiguration configuration)
    {
        /// <summary>The winning raw value and where it came from (for the error message).</summary>
        public (string Value, string Origin)? Raw(RunSetting setting)
        {
            if (commandLine.TryGetValue(setting, out var values) && values.Count > 0)
                return (values[^1], setting.Option);
            if (environment(setting.EnvironmentVariable) is { Length: > 0 } env)
                return (env, $"{setting.EnvironmentVariable} (environment, for {setting.Option})");
            if (configuration[setting.ConfigurationKey] is { Length: > 0 } configured)
                return (configured, $"{setting.ConfigurationKey} (configuration, for {setting.Option})");
            return null;
        }

        public string? Text(RunSetting setting) => Raw(setting)?.Value.Trim() is { Length: > 0 } v ? v : null;

        public T? Parse<T>(RunSetting setting, string expected, Func<string, T?> parse)
            where T : struct
        {
            if (Raw(setting) is not var (value, origin))
                return null;
            return parse(value.Trim()) ?? throw new OptionException($"{origin}: '{value}' is not valid; expected {expected}");
        }

        public T? ParseObject<T>(RunSetting setting, string expected, Func<string, T?> parse)
            where T : class
        {
            if (Raw(setting) is not var (value, origin))
                return null;
            return parse(value.Trim()) ?? throw new OptionException($"{origin}: '{value}' is not valid; expected {expected}");
        }

        /// <summary>Repeated options, or a comma-separated value, or a configuration array.</summary>
        public IReadOnlyList<string>? List(RunSetting setting)
        {
            IEnumerable<string>? raw = null;
            if (commandLine.TryGetValue(setting, out var values) && values.Count > 0)
                raw = values;
            else if (environment(setting.EnvironmentVariable) is { Length: > 0 } env)
                raw = [env];
            else if (configuration.GetSection(setting.ConfigurationKey) is var section && section.GetChildren().Any())
                raw = section.GetChildren().Select(c => c.Value ?? "");
            else if (configuration[setting.ConfigurationKey] is { Length: > 0 } configured)
                raw = [configured];
            return raw?.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
    }
}
