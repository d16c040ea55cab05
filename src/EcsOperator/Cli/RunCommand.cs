using System.CommandLine;
using EcsOperator.Aws;
using EcsOperator.Aws.Transport;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Config;
using EcsOperator.Kubernetes.Hosting;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace EcsOperator.Cli;

/// <summary>
/// <c>ecs-operator run</c> (the default): the controllers against the current cluster and AWS, with the health /
/// metrics listeners. Every startup problem the user must fix (bad option, kubeconfig, AWS region or credentials,
/// health or metrics port in use) is one line on stderr and exit code 2; SIGTERM stops gracefully with exit code 0.
/// </summary>
internal static class RunCommand
{
    /// <summary>
    /// Host shutdown budget: below Kubernetes' default 30 s termination grace period, above the controllers' 20 s
    /// drain (ControllerOptions.ShutdownTimeout), so in-flight reconciles are cancelled before the kubelet kills us.
    /// </summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(25);

    public static Command Create()
    {
        var command = new Command("run", "Run the controllers (the default when no command is given).");
        Attach(command);
        return command;
    }

    /// <summary>Adds the run options and action to <paramref name="command"/> (the root command gets them too).</summary>
    public static void Attach(Command command)
    {
        var options = new RunOptions();
        foreach (var option in options.All)
            command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) => RunAsync(options.Values(parseResult),
            parseResult.InvocationConfiguration.Error, cancellationToken));
    }

    /// <summary>The host builder for the settings; <see cref="OptionException"/> when a value is invalid.</summary>
    internal static (HostApplicationBuilder Builder, RunSettings Settings) Build(IReadOnlyDictionary<RunSetting, IReadOnlyList<string>> commandLine)
    {
        // Configuration is read once: reloading appsettings.json on change would watch the working directory
        // recursively (an inotify watch per directory below it, hundreds of ms of start in a large one), and the
        // operator reads its settings only at start anyway.
        var hostConfiguration = new ConfigurationManager();
        hostConfiguration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], Configuration = hostConfiguration });
        var settings = RunSettings.Resolve(commandLine, Environment.GetEnvironmentVariable, builder.Configuration);
        ConfigureLogging(builder.Logging, settings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddOperatorObservability(settings.HealthPort == 0 && settings.MetricsPort == 0 ? null
            : new ObservabilityEndpointOptions(settings.HealthAddress, settings.HealthPort == 0 ? null : settings.HealthPort)
            {
                MetricsPort = settings.MetricsPort == 0 ? null : settings.MetricsPort,
                SecureMetrics = settings.MetricsSecure,
            });
        builder.Services.AddEcsOperator(settings.ApplyTo, settings.ApplyTo, settings.ApplyTo);
        builder.Services.AddEcsOperatorTenancy(settings.ApplyTo);
        builder.Services.Configure<ControllerHostOptions>(settings.ApplyTo);
        // Lease timing and identity (client-go's 15 s / 10 s / 2 s and a random identity unless set): a test that
        // kills leaders shortens them, and names the replicas so it knows which process leads.
        builder.Services.Configure<ControllerHostOptions>(o => o.Election = o.Election with
        {
            LeaseDuration = builder.Configuration.GetValue("Operator:LeaseDuration", o.Election.LeaseDuration),
            RenewDeadline = builder.Configuration.GetValue("Operator:RenewDeadline", o.Election.RenewDeadline),
            RetryPeriod = builder.Configuration.GetValue("Operator:RetryPeriod", o.Election.RetryPeriod),
            Identity = builder.Configuration.GetValue("Operator:LeaderElectionIdentity", o.Election.Identity) ?? o.Election.Identity,
        });
        // Tuning without command-line options, from configuration only (or the matching Section__Key variables): the
        // client-side AWS rate limits and retry budget, the Kubernetes client's QPS, and the recheck intervals.
        builder.Services.Configure<AwsClientOptions>(o =>
        {
            builder.Configuration.GetSection("Aws:RateLimits").Bind(o.RateLimits);
            builder.Configuration.GetSection("Aws:Retry").Bind(o.Retry);
        });
        builder.Services.Configure<KubernetesClientOptions>(o =>
        {
            o.Qps = builder.Configuration.GetValue("Kubernetes:Qps", o.Qps);
            o.Burst = builder.Configuration.GetValue("Kubernetes:Burst", o.Burst);
        });
        builder.Services.Configure<OperatorOptions>(o =>
        {
            o.RolloutRecheckInterval = builder.Configuration.GetValue("Operator:RolloutRecheckInterval", o.RolloutRecheckInterval);
            o.TaskPollInterval = builder.Configuration.GetValue("Operator:TaskPollInterval", o.TaskPollInterval);
            o.DeletionRecheckInterval = builder.Configuration.GetValue("Operator:DeletionRecheckInterval", o.DeletionRecheckInterval);
            o.ServiceSnapshotMaxAge = builder.Configuration.GetValue("Operator:ServiceSnapshotMaxAge", o.ServiceSnapshotMaxAge);
            o.TaskDefinitionFamilyCensusMaxAge = builder.Configuration.GetValue("Operator:TaskDefinitionFamilyCensusMaxAge", o.TaskDefinitionFamilyCensusMaxAge);
        });
        return (builder, settings);
    }

    private static async Task<int> RunAsync(IReadOnlyDictionary<RunSetting, IReadOnlyList<string>> commandLine, TextWriter stderr, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = Build(commandLine).Builder.Build();
        }
        catch (OptionException e)
        {
            await stderr.WriteLineAsync($"ecs-operator: {e.Message}");
            return 2;
        }

        using (host)
        {
            try
            {
                // Resolve the Kubernetes and AWS configuration (side by side: neither needs the other) before the host
                // starts, so a problem with either is the one line below rather than a hosting failure with a stack trace.
                var startup = host.Services.GetRequiredService<StartupTrace>();
                startup.Mark("host built");
                var aws = Task.Run(() => host.Services.GetRequiredService<AwsJsonTransport>().ValidateConfigurationAsync(cancellationToken), CancellationToken.None);
                try
                {
                    _ = host.Services.GetRequiredService<IKubernetesClient>();
                    startup.Mark("Kubernetes configuration resolved");
                }
                finally
                {
                    // Observed either way; a Kubernetes problem is the one reported when both are wrong.
                    await aws.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }

                await aws;
                startup.Mark("AWS region and credentials resolved");
                _ = host.Services.GetRequiredService<ManagedResourcesGauge>(); // observed by OTLP even without the listener

                // A port another process listens on is the one line below before anything starts. The listeners
                // are then built beside the controllers (building two Kestrel listeners is a good part of a start),
                // unless a port lies in the kernel's ephemeral range: there the operator's own first connections
                // could take it, so the listeners bind first. A listener that still fails to bind stops the host: exit 2.
                var listening = Task.CompletedTask;
                if (host.Services.GetService<ObservabilityEndpoint>() is { } endpoint)
                {
                    endpoint.EnsurePortsFree();
                    if (endpoint.ListensInEphemeralRange)
                    {
                        await endpoint.StartAsync(cancellationToken);
                        startup.Mark("health and metrics listeners started");
                    }
                    else
                    {
                        listening = endpoint.StartInBackground(cancellationToken);
                        startup.MarkWhenDone(listening, "health and metrics listeners started");
                    }
                }

                // The host's console lifetime turns SIGTERM / Ctrl+C into a graceful stop (not disposing the host
                // yet, so the outcome of its services can be read below). Its hosted services start one after the
                // other as registered; the endpoint's own start returns at once after the background start above.
                _ = host.Services.GetServices<IHostedService>(); // the same singletons the start below uses: traced apart
                startup.Mark("hosted services constructed");
                var started = host.StartAsync(CancellationToken.None);
                try
                {
                    await listening;
                }
                catch (StartupException)
                {
                    await started.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    await host.StopAsync(CancellationToken.None);
                    throw;
                }

                await started;

                await host.WaitForShutdownAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is KubernetesConfigException or AwsConfigurationException or StartupException or OptionsValidationException)
            {
                // A configuration problem is the user's to fix: say what it is, without a stack trace.
                await stderr.WriteLineAsync($"ecs-operator: {OneLine(e.Message)}");
                return 2;
            }

            // A controller host that crashed (logged by the host) is a failure; a signal or a lost lease is not.
            var crashed = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Any(s => s.ExecuteTask?.IsFaulted == true);
            return crashed ? 1 : 0;
        }
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static void ConfigureLogging(ILoggingBuilder logging, RunSettings settings)
    {
        logging.ClearProviders();
        const string utc = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
        if (settings.LogFormat == LogFormat.Json)
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = utc;
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = utc + " ";
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            });
        }

        // Quiet defaults for chatty framework categories; inserted first so that configuration overrides them.
        logging.Services.Configure<LoggerFilterOptions>(o =>
        {
            o.Rules.Insert(0, new LoggerFilterRule(null, "Microsoft.AspNetCore", LogLevel.Warning, null));
            o.Rules.Insert(0, new LoggerFilterRule(null, "System.Net.Http.HttpClient", LogLevel.Warning, null));
        });
        if (settings.LogLevel is { } level)
        {
            logging.SetMinimumLevel(level);
            logging.AddFilter((string?)null, level);
        }
    }
}
