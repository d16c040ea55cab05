using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The configuration for the Amazon EBS volume that Amazon ECS creates and manages on your behalf.
/// </summary>
public sealed record TaskManagedEBSVolumeConfiguration
{
    /// <summary>
    /// Indicates whether the volume should be encrypted. If you turn on Region-level Amazon EBS encryption by
    /// default but set this value as false, the setting is overridden and the volume is encrypted with the KMS key
    /// specified for Amazon EBS encryption by default.
    /// </summary>
    public bool? Encrypted { get; init; }

    /// <summary>
    /// The Amazon Resource Name (ARN) identifier of the Amazon Web Services Key Management Service key to use for
    /// Amazon EBS encryption. When a key is specified using this parameter, it overrides Amazon EBS default
    /// encryption or any KMS key that you specified for cluster-level managed storage encryption.
    /// </summary>
    public string? KmsKeyId { get; init; }

    /// <summary>
    /// The volume type. This parameter maps 1:1 with the VolumeType parameter of the CreateVolume API in the Amazon
    /// EC2 API Reference . For more information, see Amazon EBS volume types in the Amazon EC2 User Guide . The
    /// following are the supported volume types.
    /// </summary>
    public string? VolumeType { get; init; }

    /// <summary>
    /// The size of the volume in GiB. You must specify either a volume size or a snapshot ID. If you specify a
    /// snapshot ID, the snapshot size is used for the volume size by default.
    /// </summary>
    public int? SizeInGiB { get; init; }

    /// <summary>
    /// The snapshot that Amazon ECS uses to create the volume. You must specify either a snapshot ID or a volume
    /// size.
    /// </summary>
    public string? SnapshotId { get; init; }

    /// <summary>
    /// The rate, in MiB/s, at which data is fetched from a snapshot of an existing Amazon EBS volume to create a
    /// new volume for attachment to the task.
    /// </summary>
    public int? VolumeInitializationRate { get; init; }

    /// <summary>
    /// The number of I/O operations per second (IOPS). For gp3, io1, and io2 volumes, this represents the number of
    /// IOPS that are provisioned for the volume. The default for gp3 volumes is 3,000 IOPS. This parameter is not
    /// supported for st1, sc1, or standard volume types.
    /// </summary>
    public int? Iops { get; init; }

    /// <summary>
    /// The throughput to provision for a volume, in MiB/s, with a maximum of 1,000 MiB/s. This parameter maps 1:1
    /// with the Throughput parameter of the CreateVolume API in the Amazon EC2 API Reference . This parameter is
    /// only supported for the gp3 volume type.
    /// </summary>
    public int? Throughput { get; init; }

    /// <summary>
    /// The tags to apply to the volume. Amazon ECS applies service-managed tags by default.
    /// </summary>
    public IReadOnlyList<EBSTagSpecification>? TagSpecifications { get; init; }

    /// <summary>
    /// The ARN of the IAM role to associate with this volume. This is the Amazon ECS infrastructure IAM role that
    /// is used to manage your Amazon Web Services infrastructure.
    /// </summary>
    [Required]
    public string? RoleArn { get; init; }

    /// <summary>
    /// The termination policy for the volume when the task exits. This provides a way to control whether Amazon ECS
    /// terminates the Amazon EBS volume when the task stops.
    /// </summary>
    public TaskManagedEBSVolumeTerminationPolicy? TerminationPolicy { get; init; }

    /// <summary>
    /// The Linux filesystem type for the volume. For volumes created from a snapshot, you must specify the same
    /// filesystem type that the volume was using when the snapshot was created. If no value is specified, the xfs
    /// filesystem type is used by default.
    /// </summary>
    [AllowedValues("ext3", "ext4", "xfs", "ntfs")]
    public string? FilesystemType { get; init; }
}
