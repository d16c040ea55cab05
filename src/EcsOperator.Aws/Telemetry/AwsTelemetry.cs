using System.Diagnostics;
using System.Diagnostics.Metrics;
using EcsOperator.Aws.Transport;

namespace EcsOperator.Aws.Telemetry;

/// <summary>
/// Spans and metrics of AWS calls through System.Diagnostics (exporters subscribe to the names below). Attribute
/// names follow the OpenTelemetry RPC and AWS SDK conventions.
/// </summary>
public static class AwsTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "EcsOperator.Aws";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Calls by rpc.service, rpc.method and outcome (success, retryable, not_found, terminal, cancelled).</summary>
    public static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "aws.client.calls", "{call}", "AWS API calls (after retries) by operation and outcome");

    /// <summary>Throttling responses from AWS (each attempt counted).</summary>
    public static readonly Counter<long> Throttles = Meter.CreateCounter<long>(
        "aws.client.throttles", "{response}", "Throttling errors returned by AWS");

    /// <summary>Attempts beyond the first.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "aws.client.retries", "{attempt}", "Retried AWS API attempts");

    /// <summary>Calls that waited for the client-side rate limiter.</summary>
    public static readonly Counter<long> RateLimitWaits = Meter.CreateCounter<long>(
        "aws.client.rate_limit.waits", "{call}", "Attempts delayed by the client-side token bucket");

    /// <summary>Duration of whole calls, retries included.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "aws.client.duration", "s", "Duration of AWS API calls including retries");

    /// <summary>The rpc.service value: the AWS service id as AWS SDKs name it.</summary>
    public static string ServiceName(AwsService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.SigningName switch
        {
            "ecs" => "ECS",
            "application-autoscaling" => "ApplicationAutoScaling",
            var other => other,
        };
    }

    /// <summary>Starts the client span of one call (null when nobody listens).</summary>
    public static Activity? StartCall(AwsOperation operation, Uri endpoint, string region)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(endpoint);
        var service = ServiceName(operation.Service);
        var activity = ActivitySource.StartActivity($"{service}/{operation.Name}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", service);
            activity.SetTag("rpc.method", operation.Name);
            activity.SetTag("cloud.region", region);
            activity.SetTag("server.address", endpoint.Host);
            activity.SetTag("server.port", endpoint.Port);
        }

        return activity;
    }

    /// <summary>The outcome tag of a failed call.</summary>
    public static string Outcome(AwsErrorKind kind) => kind switch
    {
        AwsErrorKind.Retryable => "retryable",
        AwsErrorKind.NotFound => "not_found",
        _ => "terminal",
    };
}
