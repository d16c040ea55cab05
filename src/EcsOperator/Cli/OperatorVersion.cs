using System.Reflection;

namespace EcsOperator.Cli;

/// <summary>The operator's version as built (AssemblyInformationalVersion: the csproj Version plus the source revision).</summary>
public static class OperatorVersion
{
    public static string Informational { get; } =
        typeof(OperatorVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(OperatorVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
