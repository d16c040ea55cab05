using System.Net;

namespace EcsOperator.Simulator.Protocol;

/// <summary>An error the simulator returns as AWS does: HTTP status plus <c>{"__type": code, "message": ...}</c>.</summary>
public sealed class AwsErrorException(string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest)
    : Exception(message)
{
    /// <summary>The AWS error code, e.g. <c>ClusterNotFoundException</c>.</summary>
    public string Code { get; } = code;

    /// <summary>HTTP status of the response.</summary>
    public HttpStatusCode Status { get; } = status;

    internal static AwsErrorException InvalidParameter(string message) => new("InvalidParameterException", message);

    internal static AwsErrorException Client(string message) => new("ClientException", message);

    internal static AwsErrorException ClusterNotFound() => new("ClusterNotFoundException", "Cluster not found.");

    internal static AwsErrorException ServiceNotFound() => new("ServiceNotFoundException", "Service not found.");

    internal static AwsErrorException Validation(string message) => new("ValidationException", message);
}
