namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>OSFamily</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class OSFamily
{
    public const string WindowsServer2019Full = "WINDOWS_SERVER_2019_FULL";
    public const string WindowsServer2019Core = "WINDOWS_SERVER_2019_CORE";
    public const string WindowsServer2016Full = "WINDOWS_SERVER_2016_FULL";
    public const string WindowsServer2004Core = "WINDOWS_SERVER_2004_CORE";
    public const string WindowsServer2022Core = "WINDOWS_SERVER_2022_CORE";
    public const string WindowsServer2022Full = "WINDOWS_SERVER_2022_FULL";
    public const string WindowsServer2025Core = "WINDOWS_SERVER_2025_CORE";
    public const string WindowsServer2025Full = "WINDOWS_SERVER_2025_FULL";
    public const string WindowsServer20h2Core = "WINDOWS_SERVER_20H2_CORE";
    public const string Linux = "LINUX";
}
