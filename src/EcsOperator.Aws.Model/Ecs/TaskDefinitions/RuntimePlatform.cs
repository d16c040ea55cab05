using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Information about the platform for the Amazon ECS service or task. For more information about RuntimePlatform,
/// see RuntimePlatform in the Amazon Elastic Container Service Developer Guide .
/// </summary>
public sealed record RuntimePlatform
{
    /// <summary>
    /// The CPU architecture, X86_64 (the default) or ARM64.
    /// </summary>
    [AllowedValues("X86_64", "ARM64")]
    public string? CpuArchitecture { get; init; }

    /// <summary>
    /// The operating system family of the task, LINUX (the default) or a Windows Server edition.
    /// </summary>
    [AllowedValues("WINDOWS_SERVER_2019_FULL", "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2016_FULL", "WINDOWS_SERVER_2004_CORE", "WINDOWS_SERVER_2022_CORE", "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2025_CORE", "WINDOWS_SERVER_2025_FULL", "WINDOWS_SERVER_20H2_CORE", "LINUX")]
    public string? OperatingSystemFamily { get; init; }
}
