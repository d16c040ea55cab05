namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The amount of ephemeral storage to allocate for the task.
/// </summary>
public sealed record TaskEphemeralStorage
{
    public int? SizeInGiB { get; init; }

    public string? KmsKeyId { get; init; }
}
