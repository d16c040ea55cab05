namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>TaskDefinitionField</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class TaskDefinitionField
{
    public const string Tags = "TAGS";
}
