namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>NetworkMode</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class NetworkMode
{
    public const string Bridge = "bridge";
    public const string Host = "host";
    public const string Awsvpc = "awsvpc";
    public const string None = "none";
}
