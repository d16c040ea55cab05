using System.Net;

namespace EcsOperator.Simulator.Tests;

/// <summary>An error response from the simulator, as a client would see it on the wire.</summary>
public sealed class AwsCallException(HttpStatusCode status, string code, string message, string? requestId)
    : Exception($"{(int)status} {code}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    public string Code { get; } = code;

    public string AwsMessage { get; } = message;

    public string? RequestId { get; } = requestId;
}
