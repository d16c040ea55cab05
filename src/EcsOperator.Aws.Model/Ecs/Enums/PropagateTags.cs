namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>PropagateTags</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class PropagateTags
{
    public const string TaskDefinition = "TASK_DEFINITION";
    public const string Service = "SERVICE";
    public const string None = "NONE";
}
