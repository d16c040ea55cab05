namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The overrides that are sent to a container. An empty container override can be passed in.
/// </summary>
public sealed record ContainerOverride
{
    /// <summary>
    /// The name of the container that receives the override. This parameter is required if any override is
    /// specified.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// The command to send to the container that overrides the default command from the Docker image or the task
    /// definition.
    /// </summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>
    /// The environment variables to send to the container. You can add new environment variables, which are added
    /// to the container at launch, or you can override the existing environment variables from the Docker image or
    /// the task definition.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<NameValuePair>? Environment { get; init; }

    /// <summary>
    /// A list of files containing the environment variables to pass to a container, instead of the value from the
    /// container definition.
    /// </summary>
    public IReadOnlyList<EnvironmentFile>? EnvironmentFiles { get; init; }

    /// <summary>
    /// The number of cpu units reserved for the container, instead of the default value from the task definition.
    /// </summary>
    public int? Cpu { get; init; }

    /// <summary>
    /// The hard limit (in MiB) of memory to present to the container, instead of the default value from the task
    /// definition.
    /// </summary>
    public int? Memory { get; init; }

    /// <summary>
    /// The soft limit (in MiB) of memory to reserve for the container, instead of the default value from the task
    /// definition.
    /// </summary>
    public int? MemoryReservation { get; init; }

    /// <summary>
    /// The type and amount of a resource to assign to a container, instead of the default value from the task
    /// definition.
    /// </summary>
    [ListKey("type")]
    public IReadOnlyList<ResourceRequirement>? ResourceRequirements { get; init; }
}
