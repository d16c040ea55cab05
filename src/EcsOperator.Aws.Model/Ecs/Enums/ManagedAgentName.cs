namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ManagedAgentName</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ManagedAgentName
{
    public const string ExecuteCommandAgent = "ExecuteCommandAgent";
}
