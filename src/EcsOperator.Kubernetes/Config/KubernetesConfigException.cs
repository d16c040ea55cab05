namespace EcsOperator.Kubernetes.Config;

/// <summary>The client configuration (kubeconfig, in-cluster files, exec plugin) is missing or wrong.</summary>
public sealed class KubernetesConfigException : Exception
{
    public KubernetesConfigException()
    {
    }

    public KubernetesConfigException(string message)
        : base(message)
    {
    }

    public KubernetesConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Builds "file: field: problem" so the user knows exactly what to fix.</summary>
    public KubernetesConfigException(string? file, string? field, string problem, Exception? innerException = null)
        : base(Describe(file, field, problem), innerException)
    {
        File = file;
        Field = field;
    }

    /// <summary>The file at fault, when there is one.</summary>
    public string? File { get; }

    /// <summary>The field at fault, e.g. <c>users[admin].user.client-key-data</c>.</summary>
    public string? Field { get; }

    private static string Describe(string? file, string? field, string problem) =>
        (file is null ? string.Empty : $"{file}: ") + (field is null ? string.Empty : $"{field}: ") + problem;
}
