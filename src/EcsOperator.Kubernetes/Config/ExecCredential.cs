namespace EcsOperator.Kubernetes.Config;

/// <summary>client.authentication.k8s.io ExecCredential: what a credential plugin prints on stdout.</summary>
internal sealed record ExecCredential
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ExecCredentialSpec? Spec { get; init; }

    public ExecCredentialStatus? Status { get; init; }
}

/// <summary>What we tell the plugin (via KUBERNETES_EXEC_INFO).</summary>
internal sealed record ExecCredentialSpec
{
    public bool Interactive { get; init; }
}

/// <summary>The credential the plugin returns.</summary>
internal sealed record ExecCredentialStatus
{
    public DateTimeOffset? ExpirationTimestamp { get; init; }

    public string? Token { get; init; }

    public string? ClientCertificateData { get; init; }

    public string? ClientKeyData { get; init; }
}
