namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>ClusterField</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ClusterField
{
    public const string Attachments = "ATTACHMENTS";
    public const string Configurations = "CONFIGURATIONS";
    public const string Settings = "SETTINGS";
    public const string Statistics = "STATISTICS";
    public const string Tags = "TAGS";
}
