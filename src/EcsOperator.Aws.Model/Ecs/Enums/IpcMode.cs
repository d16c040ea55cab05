namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>IpcMode</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class IpcMode
{
    public const string Host = "host";
    public const string Task = "task";
    public const string None = "none";
}
