using System.CommandLine;
using EcsOperator.Aws;
using EcsOperator.Cli;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Config;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace EcsOperator.Host.Tests;

/// <summary>The command line in-process: parse and validation errors never get as far as starting anything.</summary>
public sealed class CliTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await OperatorCli.InvokeAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Version_prints_the_informational_version()
    {
        var (code, output, _) = await Run("version");
        Assert.Equal(0, code);
        Assert.Equal($"ecs-operator {OperatorVersion.Informational}\n", output.ReplaceLineEndings("\n"));
        Assert.StartsWith("0.1.0", OperatorVersion.Informational, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "run", "--workers", "0" }, "ecs-operator: --workers: '0' is not valid; expected a whole number of at least 1")]
    [InlineData(new[] { "--resync-interval", "-1m" }, "ecs-operator: --resync-interval: '-1m' is not valid; expected a positive duration such as 5m, 90s or 1h")]
    [InlineData(new[] { "run", "--log-format", "yaml" }, "ecs-operator: --log-format: 'yaml' is not valid; expected json or text")]
    public async Task A_bad_value_is_one_line_on_stderr_and_exit_code_2(string[] args, string message)
    {
        var (code, output, error) = await Run(args);
        Assert.Equal(2, code);
        Assert.Equal(message + "\n", error.ReplaceLineEndings("\n"));
        Assert.Empty(output);
    }

    [Fact]
    public async Task An_unknown_option_is_an_error_with_exit_code_2()
    {
        var (code, _, error) = await Run("run", "--frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("--frobnicate", error, StringComparison.Ordinal);
        Assert.StartsWith("ecs-operator: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kubeconfig_that_does_not_exist_is_one_line_and_exit_code_2()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "config");
        var (code, _, error) = await Run("run", "--kubeconfig", missing, "--health-port", "0", "--aws-region", "us-east-1");
        Assert.Equal(2, code);
        var lines = error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("ecs-operator: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(missing, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_run_option_with_its_environment_variable()
    {
        var (code, output, _) = await Run("run", "--help");
        Assert.Equal(0, code);
        foreach (var setting in RunSetting.All)
        {
            Assert.Contains(setting.Option, output, StringComparison.Ordinal);
            Assert.Contains(setting.EnvironmentVariable, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parsed_options_become_settings_and_absent_options_leave_room_for_the_environment()
    {
        var options = new RunOptions();
        var command = new Command("run");
        foreach (var option in options.All)
            command.Options.Add(option);
        var config = new ConfigurationBuilder().Build();
        var environment = new Dictionary<string, string?> { ["ECS_OPERATOR_WORKERS"] = "7", ["ECS_OPERATOR_LEADER_ELECTION"] = "false" };

        var parsed = command.Parse(["--namespace", "shop", "--namespace", "billing,ops", "--leader-election", "--health-port", "0", "--log-format=json"]);
        var settings = RunSettings.Resolve(options.Values(parsed), environment.GetValueOrDefault, config);

        Assert.Empty(parsed.Errors);
        Assert.Equal(["shop", "billing", "ops"], settings.Namespaces);
        Assert.True(settings.LeaderElection); // a bare flag means true, over the environment's false
        Assert.Equal(7, settings.Workers); // not on the command line: the environment decides
        Assert.Equal((0, LogFormat.Json), (settings.HealthPort, settings.LogFormat));

        var off = command.Parse(["--leader-election", "false"]);
        Assert.False(RunSettings.Resolve(options.Values(off), _ => null, config).LeaderElection);
    }

    [Fact]
    public void Rate_limits_retries_kubernetes_qps_and_recheck_intervals_are_tuned_through_configuration()
    {
        // Process-wide variables, named so that no other test reads them.
        Environment.SetEnvironmentVariable("Aws__RateLimits__Mutate__RequestsPerSecond", "25");
        Environment.SetEnvironmentVariable("Aws__Retry__MaxAttempts", "7");
        Environment.SetEnvironmentVariable("Kubernetes__Qps", "50");
        Environment.SetEnvironmentVariable("Operator__RolloutRecheckInterval", "00:00:02");
        try
        {
            var (builder, _) = RunCommand.Build(new Dictionary<RunSetting, IReadOnlyList<string>>());
            using var host = builder.Build();
            var aws = host.Services.GetRequiredService<IOptions<AwsClientOptions>>().Value;
            Assert.Equal(25, aws.RateLimits.Mutate.RequestsPerSecond);
            Assert.Equal(10, aws.RateLimits.Mutate.Burst); // untouched members keep their defaults
            Assert.Equal(7, aws.Retry.MaxAttempts);
            Assert.Equal(50, host.Services.GetRequiredService<IOptions<KubernetesClientOptions>>().Value.Qps);
            Assert.Equal(TimeSpan.FromSeconds(2), host.Services.GetRequiredService<IOptions<OperatorOptions>>().Value.RolloutRecheckInterval);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Aws__RateLimits__Mutate__RequestsPerSecond", null);
            Environment.SetEnvironmentVariable("Aws__Retry__MaxAttempts", null);
            Environment.SetEnvironmentVariable("Kubernetes__Qps", null);
            Environment.SetEnvironmentVariable("Operator__RolloutRecheckInterval", null);
        }
    }
}
