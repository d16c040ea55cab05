namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>CPUArchitecture</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class CPUArchitecture
{
    public const string X86_64 = "X86_64";
    public const string Arm64 = "ARM64";
}
