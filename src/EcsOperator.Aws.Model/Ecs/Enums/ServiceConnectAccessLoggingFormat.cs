namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The format for Service Connect access log output. Choose TEXT for human-readable logs or JSON for structured
/// data that integrates well with log analysis tools. Values of the AWS <c>ServiceConnectAccessLoggingFormat</c>
/// enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ServiceConnectAccessLoggingFormat
{
    public const string Text = "TEXT";
    public const string Json = "JSON";
}
