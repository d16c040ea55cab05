namespace EcsOperator.Kubernetes.Config;

/// <summary>Where the service-account files live (overridable for tests).</summary>
public sealed record InClusterConfigPaths
{
    public const string DefaultDirectory = "/var/run/secrets/kubernetes.io/serviceaccount";

    public string TokenPath { get; init; } = $"{DefaultDirectory}/token";

    public string CaPath { get; init; } = $"{DefaultDirectory}/ca.crt";

    public string NamespacePath { get; init; } = $"{DefaultDirectory}/namespace";

    /// <summary>All three under one directory.</summary>
    public static InClusterConfigPaths In(string directory) => new()
    {
        TokenPath = Path.Combine(directory, "token"),
        CaPath = Path.Combine(directory, "ca.crt"),
        NamespacePath = Path.Combine(directory, "namespace"),
    };
}
