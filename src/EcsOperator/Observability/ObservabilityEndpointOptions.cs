using System.Net;

namespace EcsOperator.Observability;

/// <summary>
/// Where the observability listeners bind. Probes (<c>/healthz</c>, <c>/livez</c>, <c>/readyz</c>) on
/// <see cref="Port"/> without authentication, <c>/metrics</c> on <see cref="MetricsPort"/>. A null port: no such
/// listener; 0: any free port (tests).
/// </summary>
public sealed record ObservabilityEndpointOptions(IPAddress Address, int? Port)
{
    public int? MetricsPort { get; init; }

    /// <summary>
    /// True (the default): /metrics is served over HTTPS (a self-signed certificate made at start) to bearer tokens
    /// that a TokenReview authenticates and a SubjectAccessReview allows to <c>get /metrics</c>. False: plain HTTP to
    /// anyone who can reach the port (local runs).
    /// </summary>
    public bool SecureMetrics { get; init; } = true;
}
