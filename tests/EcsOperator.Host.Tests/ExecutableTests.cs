using System.Net;
using System.Text.Json;
using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Rest;
using EcsOperator.Simulator;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;
using Xunit;

namespace EcsOperator.Host.Tests;

/// <summary>
/// The real executable against the Kubernetes API test server (through a kubeconfig file) and the ECS simulator:
/// what a user running it, and a kubelet probing and stopping it, would see.
/// </summary>
public sealed class ExecutableTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_serves_probes_and_metrics_reconciles_and_exits_0_on_SIGTERM()
    {
        await using var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml") }, Ct);
        await using var ecs = await EcsSimulator.StartAsync(cancellationToken: Ct);
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kubeconfig").FullName, "config");
        await File.WriteAllTextAsync(kubeconfig, kube.KubeconfigYaml(defaultNamespace: "ecs-operator"), Ct);
        var port = OperatorProcess.FreePort();
        var metricsPort = OperatorProcess.FreePort();
        await using var otlp = await OtlpSink.StartAsync(Ct);
        // Hold the informers' lists back until the test has seen the listener up with the caches still empty (a 3 s
        // delay assumed a loaded machine got there sooner).
        using var lists = kube.HoldRequests(r => r.Verb == "list");

        using var op = OperatorProcess.Start(
            ["run", "--kubeconfig", kubeconfig, "--namespace", "shop", "--leader-election", "false",
             "--health-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--health-address", "127.0.0.1",
             "--metrics-port", metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--metrics-secure=false",
             "--aws-region", "us-east-1", "--ecs-endpoint", ecs.BaseAddress.ToString(), "--application-autoscaling-endpoint", ecs.BaseAddress.ToString(),
             "--log-format", "json", "--cluster-id", "test-cluster"],
            new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.BaseAddress.ToString(), ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var first = await Eventually.ValueAsync(async () => op.HasExited ? throw new InvalidOperationException($"exited {op.ExitCode}: {op}") : await TryGetAsync(http, "/readyz"),
            r => r is not null, "the health listener", TimeSpan.FromSeconds(30));
        // With the operator's own output on failure: a host stopping at its start says why only there.
        Assert.True(first!.Value.Code == HttpStatusCode.ServiceUnavailable && first.Value.Body.Contains("not synced", StringComparison.Ordinal),
            $"first /readyz: {(int)first.Value.Code} {first.Value.Body}\n{op}");
        Assert.Equal(HttpStatusCode.OK, (await TryGetAsync(http, "/healthz"))!.Value.Code);
        lists.Release();
        await Eventually.ValueAsync(() => TryGetAsync(http, "/readyz"), r => r?.Code == HttpStatusCode.OK, "readyz 200 after the caches synced");

        using var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = kube.BaseAddress.ToString(), Namespace = "shop" });
        var clusters = client.Resource(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
        await clusters.CreateAsync(InProcessOperator.NewCluster("orders"), Ct);
        await Eventually.ValueAsync(() => clusters.GetAsync("shop", "orders", Ct),
            o => o.Status?.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready) is { Status: "True" }, "orders Ready");

        Assert.Equal(HttpStatusCode.NotFound, (await TryGetAsync(http, "/metrics"))!.Value.Code); // probes only on the health port
        using var metricsHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        var metrics = await metricsHttp.GetStringAsync("/metrics", Ct);
        foreach (var name in new[]
                 {
                     "k8s_controller_reconciles_total{kind=\"EcsCluster\"", "k8s_controller_reconcile_duration_seconds_bucket",
                     "k8s_workqueue_depth{name=\"ecscluster\"}", "k8s_client_requests_total", "aws_client_calls_total{",
                     "aws_client_duration_seconds_count{", "ecs_operator_managed_resources{kind=\"EcsCluster\",ready=\"True\"} 1",
                 })
        {
            Assert.Contains(name, metrics, StringComparison.Ordinal);
        }

        await op.TerminateAsync();
        var code = await op.WaitForExitAsync(TimeSpan.FromSeconds(10));
        Assert.True(code == 0, $"exit code {code}\n{op}");
        Assert.Empty(op.Stderr);
        // --log-format json: every stdout line is one JSON log entry with a UTC timestamp.
        Assert.NotEmpty(op.Stdout);
        Assert.All(op.Stdout, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.EndsWith("Z", entry.RootElement.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _));
        });
        Assert.Contains(op.Stdout, l => l.Contains("Controller ecscluster stopped", StringComparison.Ordinal));
        // OTEL_EXPORTER_OTLP_ENDPOINT set: traces and metrics were exported (flushed at the latest on shutdown).
        Assert.Contains("/v1/traces", otlp.Paths);
        Assert.Contains("/v1/metrics", otlp.Paths);
    }

    [Fact]
    public async Task Version_prints_the_version_and_exits_0()
    {
        using var op = OperatorProcess.Start(["version"]);
        Assert.Equal(0, await op.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Matches(@"^ecs-operator 0\.1\.0(\+[0-9a-f]+)?$", Assert.Single(op.Stdout));
    }

    [Fact]
    public async Task A_missing_region_is_one_line_on_stderr_and_exit_code_2()
    {
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kubeconfig").FullName, "config");
        await File.WriteAllTextAsync(kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "http://127.0.0.1:9"}
            users:
            - name: u
              user: {token: t}
            contexts:
            - name: ctx
              context: {cluster: c, user: u, namespace: ops}
            current-context: ctx
            """, Ct);

        using var op = OperatorProcess.Start(["run", "--kubeconfig", kubeconfig, "--health-port", "0", "--metrics-port", "0"],
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret" });

        Assert.Equal(2, await op.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(op.Stderr);
        Assert.StartsWith("ecs-operator: No AWS region: set --aws-region", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_health_port_is_one_line_on_stderr_and_exit_code_2()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml") }, Ct);
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kubeconfig").FullName, "config");
        await File.WriteAllTextAsync(kubeconfig, kube.KubeconfigYaml(), Ct);

        using var op = OperatorProcess.Start(
            ["run", "--kubeconfig", kubeconfig, "--health-address", "127.0.0.1", "--health-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--aws-region", "us-east-1"],
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "secret" });

        Assert.Equal(2, await op.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(op.Stderr);
        Assert.StartsWith($"ecs-operator: cannot listen on 127.0.0.1:{port}", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_metrics_port_exits_2_before_any_lease_or_reconcile()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var kube = await KubeApiTestServer.StartAsync(new KubeApiTestServerOptions { CrdFiles = Directory.GetFiles(RepoPaths.Crds, "*.yaml") }, Ct);
        await using var ecs = await EcsSimulator.StartAsync(cancellationToken: Ct);
        var kubeconfig = Path.Combine(Directory.CreateTempSubdirectory("kubeconfig").FullName, "config");
        await File.WriteAllTextAsync(kubeconfig, kube.KubeconfigYaml(defaultNamespace: "ecs-operator"), Ct);
        using var client = new KubernetesClient(new k8s.KubernetesClientConfiguration { Host = kube.BaseAddress.ToString(), Namespace = "shop" });
        var clusters = client.Resource(OperatorResourceTypes.Clusters, ApiJsonContext.Default.EcsCluster);
        await clusters.CreateAsync(InProcessOperator.NewCluster("orders"), Ct);

        // Leader election on (the default), the health port free, the metrics port taken.
        using var op = OperatorProcess.Start(
            ["run", "--kubeconfig", kubeconfig, "--namespace", "shop", "--health-address", "127.0.0.1",
             "--health-port", OperatorProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--metrics-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--aws-region", "us-east-1", "--ecs-endpoint", ecs.BaseAddress.ToString(), "--application-autoscaling-endpoint", ecs.BaseAddress.ToString(),
             "--cluster-id", "test-cluster"],
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" });

        Assert.Equal(2, await op.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(op.Stderr);
        Assert.StartsWith($"ecs-operator: cannot listen on 127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Empty(kube.ListObjects("coordination.k8s.io", "leases", "ecs-operator"));
        var orders = await clusters.GetAsync("shop", "orders", Ct);
        Assert.Null(orders.Metadata.Finalizers);
        Assert.Null(orders.Status);
        Assert.Equal(0, ecs.Calls.Total);
    }

    private static async Task<(HttpStatusCode Code, string Body)?> TryGetAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path, Ct);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }
}
