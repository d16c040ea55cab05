namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>Connectivity</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class Connectivity
{
    public const string Connected = "CONNECTED";
    public const string Disconnected = "DISCONNECTED";
}
