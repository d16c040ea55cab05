namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The Linux-specific options that are applied to the container, such as Linux KernelCapabilities .
/// </summary>
public sealed record LinuxParameters
{
    /// <summary>
    /// The Linux capabilities for the container that are added to or dropped from the default configuration
    /// provided by Docker.
    /// </summary>
    public KernelCapabilities? Capabilities { get; init; }

    /// <summary>
    /// Any host devices to expose to the container. This parameter maps to Devices in the docker container create
    /// command and the --device option to docker run.
    /// </summary>
    [ListKey("hostPath")]
    public IReadOnlyList<Device>? Devices { get; init; }

    /// <summary>
    /// Run an init process inside the container that forwards signals and reaps processes. This parameter maps to
    /// the --init option to docker run.
    /// </summary>
    public bool? InitProcessEnabled { get; init; }

    /// <summary>
    /// The value for the size (in MiB) of the /dev/shm volume. This parameter maps to the --shm-size option to
    /// docker run.
    /// </summary>
    public int? SharedMemorySize { get; init; }

    /// <summary>
    /// The container path, mount options, and size (in MiB) of the tmpfs mount. This parameter maps to the --tmpfs
    /// option to docker run.
    /// </summary>
    [ListKey("containerPath")]
    public IReadOnlyList<Tmpfs>? Tmpfs { get; init; }

    /// <summary>
    /// The total amount of swap memory (in MiB) a container can use. This parameter will be translated to the
    /// --memory-swap option to docker run where the value would be the sum of the container memory plus the maxSwap
    /// value.
    /// </summary>
    public int? MaxSwap { get; init; }

    /// <summary>
    /// This allows you to tune a container's memory swappiness behavior. A swappiness value of 0 will cause
    /// swapping to not happen unless absolutely necessary. If the swappiness parameter is not specified, a default
    /// value of 60 is used.
    /// </summary>
    public int? Swappiness { get; init; }
}
