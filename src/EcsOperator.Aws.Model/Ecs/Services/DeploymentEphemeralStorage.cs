namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The amount of ephemeral storage to allocate for the deployment.
/// </summary>
public sealed record DeploymentEphemeralStorage
{
    public string? KmsKeyId { get; init; }
}
