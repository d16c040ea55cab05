namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>CapacityProviderField</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class CapacityProviderField
{
    public const string Tags = "TAGS";
}
