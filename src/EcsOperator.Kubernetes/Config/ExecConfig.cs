namespace EcsOperator.Kubernetes.Config;

/// <summary>A kubeconfig <c>users[].user.exec</c> entry: a credential plugin such as <c>aws eks get-token</c>.</summary>
public sealed record ExecConfig
{
    /// <summary><c>client.authentication.k8s.io/v1</c> or <c>client.authentication.k8s.io/v1beta1</c>.</summary>
    public required string ApiVersion { get; init; }

    public required string Command { get; init; }

    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Added to the operator's own environment.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];

    /// <summary>Shown when the command cannot be started.</summary>
    public string? InstallHint { get; init; }

    /// <summary>The kubeconfig that defined the plugin (relative commands resolve against its directory).</summary>
    public string? SourceFile { get; init; }

    /// <summary>The field path used in error messages.</summary>
    public string Field { get; init; } = "user.exec";

    /// <summary>Supported plugin API versions.</summary>
    public static readonly IReadOnlyList<string> SupportedApiVersions =
        ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"];
}
