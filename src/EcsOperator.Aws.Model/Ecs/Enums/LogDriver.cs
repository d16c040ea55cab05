namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>LogDriver</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class LogDriver
{
    public const string JsonFile = "json-file";
    public const string Syslog = "syslog";
    public const string Journald = "journald";
    public const string Gelf = "gelf";
    public const string Fluentd = "fluentd";
    public const string Awslogs = "awslogs";
    public const string Splunk = "splunk";
    public const string Awsfirelens = "awsfirelens";
}
