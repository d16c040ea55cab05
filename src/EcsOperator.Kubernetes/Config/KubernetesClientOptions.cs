using k8s;

namespace EcsOperator.Kubernetes.Config;

/// <summary>How to find the cluster and how hard to talk to it.</summary>
public sealed class KubernetesClientOptions
{
    /// <summary>Use this KubernetesClient configuration as is (tests: <c>new() { Host = ..., Namespace = ... }</c>); skips discovery.</summary>
    public KubernetesClientConfiguration? Configuration { get; set; }

    /// <summary>Explicit kubeconfig path(s); otherwise KUBECONFIG, then ~/.kube/config.</summary>
    public IReadOnlyList<string>? KubeConfigPaths { get; set; }

    /// <summary>Context to use instead of current-context.</summary>
    public string? Context { get; set; }

    /// <summary>True: in-cluster only; false: kubeconfig only; null: in-cluster when KUBERNETES_SERVICE_HOST is set.</summary>
    public bool? InCluster { get; set; }

    public InClusterConfigPaths InClusterPaths { get; set; } = new();

    /// <summary>
    /// Sustained requests per second: 20, controller-runtime's and kube-controller-manager's default (client-go's own 5
    /// made the operator, not ECS's rate limits, the bottleneck: 100 services took 1.74× the raw AWS sequence under
    /// default limits at 5 QPS, 1.00× at 20; tests/Benchmarks/README.md). The API server's priority and fairness still
    /// protects it; raise this for very large installations.
    /// </summary>
    public double Qps { get; set; } = 20;

    /// <summary>Requests allowed in a burst above <see cref="Qps"/> (controller-runtime's default 30).</summary>
    public int Burst { get; set; } = 30;

    /// <summary>How many times a 429 / Retry-After response is retried before it surfaces.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Upper bound on a single server-requested Retry-After wait.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of non-watch requests.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public string UserAgent { get; set; } = "ecs-operator";
}
