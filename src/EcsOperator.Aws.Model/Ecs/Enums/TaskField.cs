namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>TaskField</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class TaskField
{
    public const string Tags = "TAGS";
}
