namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>PidMode</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class PidMode
{
    public const string Host = "host";
    public const string Task = "task";
}
