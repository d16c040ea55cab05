namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>TaskDefinitionStatus</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class TaskDefinitionStatus
{
    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";
    public const string DeleteInProgress = "DELETE_IN_PROGRESS";
}
