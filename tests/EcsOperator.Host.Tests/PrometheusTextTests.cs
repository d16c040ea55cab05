using EcsOperator.Observability.Prometheus;
using Xunit;

namespace EcsOperator.Host.Tests;

public sealed class PrometheusTextTests
{
    [Theory]
    [InlineData("k8s.controller.reconciles", "{reconcile}", true, "k8s_controller_reconciles_total")]
    [InlineData("k8s.controller.reconcile.duration", "s", false, "k8s_controller_reconcile_duration_seconds")]
    [InlineData("k8s.workqueue.depth", "{item}", false, "k8s_workqueue_depth")]
    [InlineData("aws.client.rate_limit.waits", "{call}", true, "aws_client_rate_limit_waits_total")]
    [InlineData("ecs_operator.drift.detections", "{detection}", true, "ecs_operator_drift_detections_total")]
    [InlineData("http.server.request.size", "By", false, "http_server_request_size_bytes")]
    [InlineData("already_seconds", "s", false, "already_seconds")]
    [InlineData("requests_total", null, true, "requests_total")]
    [InlineData("9lives..x-y", "1", false, "_9lives_x_y")]
    public void Instrument_names_and_units_become_prometheus_metric_names(string instrument, string? unit, bool counter, string expected) =>
        Assert.Equal(expected, PrometheusText.MetricName(instrument, unit, counter));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\"quoted\"", "a\\\"quoted\\\"")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("two\nlines", "two\\nlines")]
    public void Label_values_escape_backslash_quote_and_newline(string value, string expected) =>
        Assert.Equal(expected, PrometheusText.EscapeLabelValue(value));

    [Fact]
    public void Help_escapes_backslash_and_newline_but_not_quotes() =>
        Assert.Equal("say \"hi\" \\\\ then\\nbye", PrometheusText.EscapeHelp("say \"hi\" \\ then\nbye"));

    [Theory]
    [InlineData("rpc.method", "rpc_method")]
    [InlineData("k8s-kind", "k8s_kind")]
    [InlineData("1st", "_1st")]
    [InlineData("ok_name", "ok_name")]
    public void Label_names_are_sanitized(string key, string expected) => Assert.Equal(expected, PrometheusText.LabelName(key));

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(3.0, "3")]
    [InlineData(0.25, "0.25")]
    [InlineData(-1.5, "-1.5")]
    public void Values_use_prometheus_spelling(double value, string expected) => Assert.Equal(expected, PrometheusText.Value(value));
}
