namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>Scope</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class Scope
{
    public const string Task = "task";
    public const string Shared = "shared";
}
