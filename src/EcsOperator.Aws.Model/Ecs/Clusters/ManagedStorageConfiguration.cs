namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The managed storage configuration for the cluster.
/// </summary>
public sealed record ManagedStorageConfiguration
{
    /// <summary>
    /// Specify a Key Management Service key ID to encrypt Amazon ECS managed storage. When you specify a kmsKeyId,
    /// Amazon ECS uses the key to encrypt data volumes managed by Amazon ECS that are attached to tasks in the
    /// cluster.
    /// </summary>
    public string? KmsKeyId { get; init; }

    /// <summary>
    /// Specify the Key Management Service key ID for Fargate ephemeral storage. When you specify a
    /// fargateEphemeralStorageKmsKeyId, Amazon Web Services Fargate uses the key to encrypt data at rest in
    /// ephemeral storage.
    /// </summary>
    public string? FargateEphemeralStorageKmsKeyId { get; init; }
}
