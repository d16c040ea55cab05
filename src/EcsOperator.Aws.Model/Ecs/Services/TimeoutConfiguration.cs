using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// An object that represents the timeout configurations for Service Connect. If idleTimeout is set to a time that
/// is less than perRequestTimeout, the connection will close when the idleTimeout is reached and not the
/// perRequestTimeout.
/// </summary>
public sealed record TimeoutConfiguration
{
    /// <summary>
    /// The amount of time in seconds a connection will stay active while idle. A value of 0 can be set to disable
    /// idleTimeout. The idleTimeout default for HTTP/HTTP2/GRPC is 5 minutes.
    /// </summary>
    [Range(0, 2147483647)]
    public int? IdleTimeoutSeconds { get; init; }

    /// <summary>
    /// The amount of time waiting for the upstream to respond with a complete response per request.
    /// </summary>
    [Range(0, 2147483647)]
    public int? PerRequestTimeoutSeconds { get; init; }
}
