namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Details on the network bindings between a container and its host container instance. After a task reaches the
/// RUNNING status, manual and automatic host and container port assignments are visible in the networkBindings
/// section of DescribeTasks API responses.
/// </summary>
public sealed record NetworkBinding
{
    public string? BindIP { get; init; }

    public int? ContainerPort { get; init; }

    public int? HostPort { get; init; }

    public string? Protocol { get; init; }

    public string? ContainerPortRange { get; init; }

    public string? HostPortRange { get; init; }
}
