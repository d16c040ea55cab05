namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>LocalStorage</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class LocalStorage
{
    public const string Included = "included";
    public const string Required = "required";
    public const string Excluded = "excluded";
}
