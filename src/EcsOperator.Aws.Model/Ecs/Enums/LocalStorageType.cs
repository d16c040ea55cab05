namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>LocalStorageType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class LocalStorageType
{
    public const string Hdd = "hdd";
    public const string Ssd = "ssd";
}
