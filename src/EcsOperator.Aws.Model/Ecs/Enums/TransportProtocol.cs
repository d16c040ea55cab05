namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>TransportProtocol</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class TransportProtocol
{
    public const string Tcp = "tcp";
    public const string Udp = "udp";
}
