namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>EnvironmentFileType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class EnvironmentFileType
{
    public const string S3 = "s3";
}
