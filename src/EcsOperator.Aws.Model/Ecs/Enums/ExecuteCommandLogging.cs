namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ExecuteCommandLogging</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ExecuteCommandLogging
{
    public const string None = "NONE";
    public const string Default = "DEFAULT";
    public const string Override = "OVERRIDE";
}
