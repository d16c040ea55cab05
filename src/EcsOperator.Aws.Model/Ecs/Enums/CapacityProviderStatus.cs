namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>CapacityProviderStatus</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class CapacityProviderStatus
{
    public const string Provisioning = "PROVISIONING";
    public const string Active = "ACTIVE";
    public const string Deprovisioning = "DEPROVISIONING";
    public const string Inactive = "INACTIVE";
}
