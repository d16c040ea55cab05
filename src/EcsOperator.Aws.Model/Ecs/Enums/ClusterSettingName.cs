namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ClusterSettingName</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ClusterSettingName
{
    public const string ContainerInsights = "containerInsights";
}
