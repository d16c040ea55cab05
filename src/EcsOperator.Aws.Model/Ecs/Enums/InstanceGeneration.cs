namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>InstanceGeneration</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class InstanceGeneration
{
    public const string Current = "current";
    public const string Previous = "previous";
}
