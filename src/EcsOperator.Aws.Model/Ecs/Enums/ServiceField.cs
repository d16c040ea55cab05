namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ServiceField</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ServiceField
{
    public const string Tags = "TAGS";
}
