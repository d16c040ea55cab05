using System.Net;
using EcsOperator.Aws;
using EcsOperator.Cli;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EcsOperator.Host.Tests;

public sealed class RunSettingsTests
{
    private static RunSettings Resolve(Dictionary<RunSetting, IReadOnlyList<string>>? cli = null,
        Dictionary<string, string?>? env = null, Dictionary<string, string?>? config = null) =>
        RunSettings.Resolve(cli ?? [], name => env?.GetValueOrDefault(name),
            new ConfigurationBuilder().AddInMemoryCollection(config ?? []).Build());

    [Fact]
    public void Nothing_set_gives_the_documented_defaults()
    {
        var s = Resolve();
        Assert.Equal(new RunSettings(), s);
        Assert.Equal((TimeSpan.FromMinutes(5), 2, true, 8081, LogFormat.Text), (s.ResyncInterval, s.Workers, s.LeaderElection, s.HealthPort, s.LogFormat));
        Assert.Empty(s.Namespaces);
        Assert.Equal(IPAddress.Any, s.HealthAddress);
        Assert.Equal((8443, true), (s.MetricsPort, s.MetricsSecure));
    }

    [Fact]
    public void Metrics_can_be_served_unauthenticated_for_local_runs_or_turned_off()
    {
        var local = Resolve(cli: new Dictionary<RunSetting, IReadOnlyList<string>> { [RunSetting.MetricsSecure] = ["false"], [RunSetting.MetricsPort] = ["9090"] });
        Assert.Equal((9090, false), (local.MetricsPort, local.MetricsSecure));
        var off = Resolve(env: new Dictionary<string, string?> { ["ECS_OPERATOR_METRICS_PORT"] = "0" });
        Assert.Equal(0, off.MetricsPort);
        var bad = Assert.Throws<OptionException>(() => Resolve(env: new Dictionary<string, string?> { ["ECS_OPERATOR_METRICS_SECURE"] = "maybe" }));
        Assert.Contains("--metrics-secure", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_line_beats_environment_beats_configuration()
    {
        var config = new Dictionary<string, string?>
        {
            ["Operator:Workers"] = "3", ["Operator:ResyncInterval"] = "00:10:00", ["Aws:Region"] = "eu-west-1",
            ["Health:Port"] = "9000", ["Operator:Namespaces:0"] = "a", ["Operator:Namespaces:1"] = "b",
        };
        var env = new Dictionary<string, string?> { ["ECS_OPERATOR_WORKERS"] = "4", ["ECS_OPERATOR_AWS_REGION"] = "eu-central-1" };
        var cli = new Dictionary<RunSetting, IReadOnlyList<string>> { [RunSetting.Workers] = ["5"] };

        var s = Resolve(cli, env, config);

        Assert.Equal(5, s.Workers);
        Assert.Equal("eu-central-1", s.AwsRegion);
        Assert.Equal(TimeSpan.FromMinutes(10), s.ResyncInterval);
        Assert.Equal(9000, s.HealthPort);
        Assert.Equal(["a", "b"], s.Namespaces);
    }

    [Fact]
    public void Namespaces_repeat_or_split_on_commas()
    {
        Assert.Equal(["shop", "billing", "ops"], Resolve(new() { [RunSetting.Namespaces] = ["shop", "billing,ops"] }).Namespaces);
        Assert.Equal(["x", "y"], Resolve(env: new() { ["ECS_OPERATOR_NAMESPACES"] = "x, y" }).Namespaces);
        Assert.Equal(["c"], Resolve(config: new() { ["Operator:Namespaces"] = "c" }).Namespaces);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("1500ms", 1.5)]
    [InlineData("00:02:00", 120)]
    public void Durations_accept_kubernetes_and_dotnet_spellings(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Resolve(new() { [RunSetting.ResyncInterval] = [text] }).ResyncInterval);

    [Theory]
    [InlineData("--resync-interval", "-5m", "--resync-interval: '-5m' is not valid; expected a positive duration such as 5m, 90s or 1h")]
    [InlineData("--resync-interval", "0s", "--resync-interval: '0s' is not valid; expected a positive duration such as 5m, 90s or 1h")]
    [InlineData("--workers", "0", "--workers: '0' is not valid; expected a whole number of at least 1")]
    [InlineData("--workers", "two", "--workers: 'two' is not valid; expected a whole number of at least 1")]
    [InlineData("--health-port", "70000", "--health-port: '70000' is not valid; expected a port number from 0 (off) to 65535")]
    [InlineData("--log-format", "xml", "--log-format: 'xml' is not valid; expected json or text")]
    [InlineData("--log-level", "loud", "--log-level: 'loud' is not valid; expected trace, debug, information, warning, error, critical or none")]
    [InlineData("--ecs-endpoint", "localhost:4566", "--ecs-endpoint: 'localhost:4566' is not valid; expected an absolute http(s) URL")]
    [InlineData("--leader-election", "maybe", "--leader-election: 'maybe' is not valid; expected true or false")]
    [InlineData("--namespace", "Shop_1", "--namespace: 'Shop_1' is not a namespace name (lowercase letters, digits and '-', at most 63)")]
    public void Bad_values_name_the_option_the_value_and_what_is_expected(string option, string value, string message)
    {
        var setting = RunSetting.All.Single(s => s.Option == option);
        var e = Assert.Throws<OptionException>(() => Resolve(new() { [setting] = [value] }));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_bad_environment_value_names_the_variable()
    {
        var e = Assert.Throws<OptionException>(() => Resolve(env: new() { ["ECS_OPERATOR_WORKERS"] = "-1" }));
        Assert.Equal("ECS_OPERATOR_WORKERS (environment, for --workers): '-1' is not valid; expected a whole number of at least 1", e.Message);
    }

    [Fact]
    public void Settings_map_onto_the_operator_kubernetes_aws_and_leader_election_options()
    {
        var s = Resolve(new()
        {
            [RunSetting.Kubeconfig] = ["/tmp/a.yaml"],
            [RunSetting.Context] = ["prod"],
            [RunSetting.Namespaces] = ["shop"],
            [RunSetting.ResyncInterval] = ["2m"],
            [RunSetting.Workers] = ["4"],
            [RunSetting.ClusterId] = ["cluster-a"],
            [RunSetting.UsageClusters] = ["web,batch"],
            [RunSetting.LeaderElection] = ["false"],
            [RunSetting.LeaderElectionNamespace] = ["ops"],
            [RunSetting.LeaderElectionLeaseName] = ["ecs-lease"],
            [RunSetting.AwsRegion] = ["ap-south-1"],
            [RunSetting.EcsEndpoint] = ["http://127.0.0.1:4566"],
            [RunSetting.ApplicationAutoScalingEndpoint] = ["http://127.0.0.1:4567"],
            [RunSetting.LogFormat] = ["JSON"],
            [RunSetting.LogLevel] = ["debug"],
        });
        var op = new OperatorOptions();
        s.ApplyTo(op);
        var kube = new KubernetesClientOptions();
        s.ApplyTo(kube);
        var aws = new AwsClientOptions();
        s.ApplyTo(aws);
        var host = new ControllerHostOptions();
        s.ApplyTo(host);

        Assert.Equal(["shop"], op.Namespaces);
        Assert.Equal((TimeSpan.FromMinutes(2), 4, "cluster-a", false), (op.ResyncInterval, op.Workers, op.ClusterId, op.LeaderElection));
        Assert.Equal(["web", "batch"], op.UsageClusters);
        Assert.Equal(["/tmp/a.yaml"], kube.KubeConfigPaths);
        Assert.Equal("prod", kube.Context);
        Assert.Equal(("ap-south-1", new Uri("http://127.0.0.1:4566"), new Uri("http://127.0.0.1:4567")), (aws.Region, aws.EcsEndpoint, aws.ApplicationAutoScalingEndpoint));
        Assert.Equal((false, "ops", "ecs-lease"), (host.LeaderElection, host.Election.LeaseNamespace, host.Election.LeaseName));
        Assert.Equal((LogFormat.Json, LogLevel.Debug), (s.LogFormat, s.LogLevel));
    }

    [Fact]
    public void Without_namespaces_or_kubeconfig_the_operator_watches_all_and_discovers_the_cluster()
    {
        var op = new OperatorOptions { Namespaces = ["stale"] };
        Resolve().ApplyTo(op);
        var kube = new KubernetesClientOptions();
        Resolve().ApplyTo(kube);
        Assert.Null(op.Namespaces);
        Assert.Empty(op.UsageClusters); // the clusters of the EcsServices are always asked; "default" when there are none
        Assert.Null(kube.KubeConfigPaths); // in-cluster when KUBERNETES_SERVICE_HOST is set, else KUBECONFIG / ~/.kube/config
    }

    [Theory]
    [InlineData(null, null, "Strict")]              // every namespace watched: strict
    [InlineData(null, "shop,billing", "Strict")]    // several namespaces: strict
    [InlineData(null, "shop", null)]                // one namespace (Role-only RBAC): no policies read
    [InlineData("open", null, "Open")]
    [InlineData("STRICT", "shop", "Strict")]        // given explicitly, even for one namespace
    public void Tenancy_defaults_to_strict_for_multi_namespace_installs(string? tenancy, string? namespaces, string? expected)
    {
        var env = new Dictionary<string, string?> { ["ECS_OPERATOR_TENANCY"] = tenancy, ["ECS_OPERATOR_NAMESPACES"] = namespaces };
        var options = new TenancyOptions();
        Resolve(env: env).ApplyTo(options);
        Assert.Equal(expected, options.Mode?.ToString());
    }

    [Fact]
    public void An_unknown_tenancy_mode_is_refused_naming_the_option()
    {
        var error = Assert.Throws<OptionException>(() => Resolve(cli: new() { [RunSetting.Tenancy] = ["shared"] }));
        Assert.Contains("--tenancy", error.Message, StringComparison.Ordinal);
        Assert.Contains("strict or open", error.Message, StringComparison.Ordinal);
    }
}
