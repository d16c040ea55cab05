namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ResourceType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ResourceType
{
    public const string Gpu = "GPU";
    public const string InferenceAccelerator = "InferenceAccelerator";
}
