namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Controls whether query parameters are included in Service Connect access logs. Consider security and privacy
/// implications when enabling this feature. Values of the AWS <c>ServiceConnectIncludeQueryParameters</c> enum;
/// kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class ServiceConnectIncludeQueryParameters
{
    public const string Disabled = "DISABLED";
    public const string Enabled = "ENABLED";
}
