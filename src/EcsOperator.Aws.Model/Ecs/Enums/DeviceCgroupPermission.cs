namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>DeviceCgroupPermission</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class DeviceCgroupPermission
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Mknod = "mknod";
}
