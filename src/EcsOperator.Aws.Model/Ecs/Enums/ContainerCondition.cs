namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ContainerCondition</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ContainerCondition
{
    public const string Start = "START";
    public const string Complete = "COMPLETE";
    public const string Success = "SUCCESS";
    public const string Healthy = "HEALTHY";
}
