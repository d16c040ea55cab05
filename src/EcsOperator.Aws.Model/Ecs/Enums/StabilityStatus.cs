namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>StabilityStatus</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class StabilityStatus
{
    public const string SteadyState = "STEADY_STATE";
    public const string Stabilizing = "STABILIZING";
}
