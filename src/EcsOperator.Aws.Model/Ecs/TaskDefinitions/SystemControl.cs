namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// A list of namespaced kernel parameters to set in the container. This parameter maps to Sysctls in the docker
/// container create command and the --sysctl option to docker run.
/// </summary>
public sealed record SystemControl
{
    /// <summary>
    /// The namespaced kernel parameter to set, for example net.ipv4.tcp_keepalive_time.
    /// </summary>
    public string? Namespace { get; init; }

    /// <summary>
    /// The value of the kernel parameter.
    /// </summary>
    public string? Value { get; init; }
}
