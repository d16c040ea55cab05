namespace EcsOperator.Aws.Model.Ecs;

/// <summary>The Docker and ECS agent versions running on a container instance.</summary>
public sealed record VersionInfo
{
    public string? AgentVersion { get; init; }

    public string? AgentHash { get; init; }

    public string? DockerVersion { get; init; }
}
