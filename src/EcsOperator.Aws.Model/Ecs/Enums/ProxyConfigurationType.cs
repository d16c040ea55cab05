namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ProxyConfigurationType</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class ProxyConfigurationType
{
    public const string Appmesh = "APPMESH";
}
