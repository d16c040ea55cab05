using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Shared;
using EcsOperator.Aws.Telemetry;
using EcsOperator.Kubernetes.Diagnostics;
using Xunit;

namespace EcsOperator.Host.Tests;

/// <summary>What an operator of the operator sees: probes, /metrics after real reconciles, and one trace per reconcile.</summary>
public sealed class ObservabilityTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_after_a_reconcile_and_a_drift_name_reconciles_queue_aws_calls_drift_and_managed_resources()
    {
        await using var op = await InProcessOperator.StartAsync(TimeSpan.FromMilliseconds(200), Ct);
        await Eventually.ValueAsync(() => op.Http.GetAsync("/readyz", Ct), r => r.StatusCode == HttpStatusCode.OK, "readyz 200");
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync("/healthz", Ct)).StatusCode);

        op.Ecs.Faults.ThrottleNext("CreateCluster", 1); // retried by the client, counted as a throttle
        await op.Clusters.CreateAsync(InProcessOperator.NewCluster("metrics"), Ct);
        await ReadyAsync(op, "metrics");
        // Someone turns Container Insights off in AWS: the next resync detects (and corrects) the drift.
        op.Ecs.Invoke("UpdateClusterSettings", new JsonObject
        {
            ["cluster"] = "metrics",
            ["settings"] = new JsonArray(new JsonObject { ["name"] = "containerInsights", ["value"] = "disabled" }),
        });
        var text = await Eventually.ValueAsync(() => op.Metrics.GetStringAsync("/metrics", Ct),
            t => t.Contains("ecs_operator_drift_detections_total{kind=\"EcsCluster\"}", StringComparison.Ordinal), "drift counted");

        var response = await op.Metrics.GetAsync("/metrics", Ct);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE k8s_controller_reconciles_total counter", text, StringComparison.Ordinal);
        Assert.Matches("""k8s_controller_reconciles_total\{kind="EcsCluster",result="[a-z_]+"\} \d+""", text);
        Assert.Contains("# TYPE k8s_controller_reconcile_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("k8s_controller_reconcile_duration_seconds_bucket{kind=\"EcsCluster\",le=\"+Inf\"}", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE k8s_workqueue_depth gauge", text, StringComparison.Ordinal);
        Assert.Contains("k8s_workqueue_depth{name=\"ecscluster\"}", text, StringComparison.Ordinal);
        Assert.Contains("aws_client_calls_total{outcome=\"success\",rpc_method=\"CreateCluster\",rpc_service=\"ECS\",rpc_system=\"aws-api\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE aws_client_duration_seconds histogram", text, StringComparison.Ordinal);
        // Durations in seconds get buckets in seconds (from 5 ms to 60 s), not OpenTelemetry's millisecond defaults.
        Assert.Matches("""aws_client_duration_seconds_bucket\{[^}]*rpc_method="CreateCluster"[^}]*le="0.005"\} \d+""", text);
        Assert.Matches("""aws_client_duration_seconds_bucket\{[^}]*rpc_method="CreateCluster"[^}]*le="60"\} \d+""", text);
        Assert.Matches("""aws_client_throttles_total\{[^}]*rpc_method="CreateCluster"[^}]*\} 1\n""", text);
        Assert.Contains("# TYPE ecs_operator_managed_resources gauge", text, StringComparison.Ordinal);
        Assert.Matches("""ecs_operator_managed_resources\{kind="EcsCluster",ready="(True|False)"\} 1""", text);
        Assert.Contains("ecs_operator_managed_resources{kind=\"EcsTaskDefinition\",ready=\"True\"} 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_definition_revision_deregistered_outside_the_operator_counts_as_drift_and_is_registered_again()
    {
        await using var op = await InProcessOperator.StartAsync(TimeSpan.FromMilliseconds(200), Ct);
        await op.TaskDefinitions.CreateAsync(InProcessOperator.NewTaskDefinition("tddrift"), Ct);
        var first = await Eventually.ValueAsync(() => op.TaskDefinitions.GetAsync(InProcessOperator.Namespace, "tddrift", Ct), o => o.Status?.Revision == 1, "revision 1");

        op.Ecs.Invoke("DeregisterTaskDefinition", new JsonObject { ["taskDefinition"] = first!.Status!.TaskDefinitionArn });

        await Eventually.ValueAsync(() => op.TaskDefinitions.GetAsync(InProcessOperator.Namespace, "tddrift", Ct), o => o.Status?.Revision == 2, "revision 2");
        var text = await op.Metrics.GetStringAsync("/metrics", Ct);
        Assert.Contains("ecs_operator_drift_detections_total{kind=\"EcsTaskDefinition\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reconcile_is_one_trace_whose_children_are_the_AWS_calls_and_the_status_patch()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is KubernetesTelemetry.Name or AwsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var op = await InProcessOperator.StartAsync(TimeSpan.FromMinutes(5), Ct);

        await op.Clusters.CreateAsync(InProcessOperator.NewCluster("traced"), Ct);
        await ReadyAsync(op, "traced");

        // The reconcile that created the cluster in ECS.
        var reconcile = await Eventually.ValueAsync(() => Task.FromResult(spans.FirstOrDefault(s => s.DisplayName == "reconcile EcsCluster"
                && Equals(s.GetTagItem("k8s.name"), "traced")
                && spans.Any(c => c.ParentSpanId == s.SpanId && c.DisplayName == "ECS/CreateCluster"))),
            s => s is not null, "the creating reconcile span");
        var children = spans.Where(c => c.ParentSpanId == reconcile!.SpanId).ToList();

        Assert.Equal(default, reconcile!.ParentSpanId);
        var read = Assert.Single(reconcile.Events, e => e.Name == "read from informer cache");
        Assert.Contains(read.Tags, t => t.Key == "k8s.found" && Equals(t.Value, true));
        Assert.Contains(read.Tags, t => t.Key == "k8s.resource_version" && t.Value is string { Length: > 0 });
        Assert.All(children, c => Assert.Equal(reconcile.TraceId, c.TraceId));
        Assert.Contains(children, c => c.Source.Name == AwsTelemetry.Name && c.DisplayName == "ECS/CreateCluster" && c.Kind == ActivityKind.Client);
        Assert.Contains(children, c => c.Source.Name == AwsTelemetry.Name && c.DisplayName == "ECS/DescribeClusters");
        Assert.Contains(children, c => c.Source.Name == KubernetesTelemetry.Name && c.GetTagItem("k8s.verb") is "update_status" or "patch_status" && c.Kind == ActivityKind.Client);
        // Children end before their parent: the reconcile span covers all of its work.
        Assert.All(children, c => Assert.True(c.StartTimeUtc + c.Duration <= reconcile.StartTimeUtc + reconcile.Duration + TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public async Task Secure_metrics_need_a_token_that_may_get_metrics_while_probes_need_none()
    {
        await using var op = await InProcessOperator.StartAsync(TimeSpan.FromMinutes(5), Ct, secureMetrics: true);
        op.Kube.AccessReviews.AddToken("prometheus-token", "system:serviceaccount:monitoring:prometheus", "system:serviceaccounts");
        op.Kube.AccessReviews.AddToken("ci-token", "system:serviceaccount:ci:deployer", "system:serviceaccounts");
        op.Kube.AccessReviews.AllowNonResource("system:serviceaccount:monitoring:prometheus", "get", "/metrics");
        await Eventually.ValueAsync(() => op.Http.GetAsync("/readyz", Ct), r => r.StatusCode == HttpStatusCode.OK, "readyz 200 without a token");
        Assert.Equal("https", op.Metrics.BaseAddress!.Scheme);

        Assert.Equal(HttpStatusCode.Unauthorized, (await ScrapeAsync(op, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ScrapeAsync(op, "stolen-or-expired")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScrapeAsync(op, "ci-token")).StatusCode);
        using var allowed = await ScrapeAsync(op, "prometheus-token");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Contains("# TYPE ecs_operator_managed_resources gauge", await allowed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Answers are cached per token: scraping again does not ask the API server again.
        var reviews = (op.Kube.AccessReviews.TokenReviewCount, op.Kube.AccessReviews.SubjectAccessReviewCount);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync(op, "prometheus-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ScrapeAsync(op, "ci-token")).StatusCode);
        Assert.Equal(reviews, (op.Kube.AccessReviews.TokenReviewCount, op.Kube.AccessReviews.SubjectAccessReviewCount));
    }

    private static async Task<HttpResponseMessage> ScrapeAsync(InProcessOperator op, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await op.Metrics.SendAsync(request, Ct);
    }

    private static Task<EcsCluster> ReadyAsync(InProcessOperator op, string name) =>
        Eventually.ValueAsync(() => op.Clusters.GetAsync(InProcessOperator.Namespace, name, Ct),
            o => o.Status?.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready) is { Status: "True" } && o.Status.ObservedGeneration == o.Metadata.Generation,
            $"{name} Ready");
}
