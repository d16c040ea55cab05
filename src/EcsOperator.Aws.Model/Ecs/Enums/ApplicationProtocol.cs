namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ApplicationProtocol</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ApplicationProtocol
{
    public const string Http = "http";
    public const string Http2 = "http2";
    public const string Grpc = "grpc";
}
