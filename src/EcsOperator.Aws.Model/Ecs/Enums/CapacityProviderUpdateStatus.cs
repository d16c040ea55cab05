namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>CapacityProviderUpdateStatus</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class CapacityProviderUpdateStatus
{
    public const string CreateInProgress = "CREATE_IN_PROGRESS";
    public const string CreateComplete = "CREATE_COMPLETE";
    public const string CreateFailed = "CREATE_FAILED";
    public const string DeleteInProgress = "DELETE_IN_PROGRESS";
    public const string DeleteComplete = "DELETE_COMPLETE";
    public const string DeleteFailed = "DELETE_FAILED";
    public const string UpdateInProgress = "UPDATE_IN_PROGRESS";
    public const string UpdateComplete = "UPDATE_COMPLETE";
    public const string UpdateFailed = "UPDATE_FAILED";
}
