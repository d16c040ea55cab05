namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>PropagateMITags</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class PropagateMITags
{
    public const string CapacityProvider = "CAPACITY_PROVIDER";
    public const string None = "NONE";
}
