namespace EcsOperator.Deploy.Tests.Support;

/// <summary>
/// What the manifests and the image rely on from the operator host: its executable, command line and health/metrics
/// endpoint. One place, so a change on either side fails here rather than in a cluster.
/// </summary>
public static class HostContract
{
    /// <summary>The assembly name of src/EcsOperator (the image runs <c>dotnet ecs-operator.dll</c>).</summary>
    public const string AssemblyName = "ecs-operator";

    public const int HealthPort = 8081;

    public const string HealthPortName = "http-health";

    public const string LivenessPath = "/healthz";

    public const string ReadinessPath = "/readyz";

    public const string MetricsPath = "/metrics";

    /// <summary>/metrics has a listener of its own (HTTPS with token review unless --metrics-secure=false).</summary>
    public const int MetricsPort = 8443;

    public const string MetricsPortName = "https-metrics";

    /// <summary>The non-root user of the image and the pod.</summary>
    public const long RunAsUser = 65532;

    /// <summary>The run command as the Deployment passes it.</summary>
    public static readonly IReadOnlyList<string> RunArguments = ["run", "--log-format", "json", "--health-port", "8081", "--metrics-port", "8443", "--leader-election=true"];
}
