namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>TaskFilesystemType</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class TaskFilesystemType
{
    public const string Ext3 = "ext3";
    public const string Ext4 = "ext4";
    public const string Xfs = "xfs";
    public const string Ntfs = "ntfs";
}
