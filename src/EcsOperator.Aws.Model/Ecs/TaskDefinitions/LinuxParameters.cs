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
    /// Runs an init process (PID 1) in the container that forwards signals and reaps zombie processes. Defaults to
    /// false.
    /// </summary>
    public bool? InitProcessEnabled { get; init; }

    /// <summary>
    /// The size of /dev/shm in MiB (EC2 only).
    /// </summary>
    public int? SharedMemorySize { get; init; }

    /// <summary>
    /// The container path, mount options, and size (in MiB) of the tmpfs mount. This parameter maps to the --tmpfs
    /// option to docker run.
    /// </summary>
    [ListKey("containerPath")]
    public IReadOnlyList<Tmpfs>? Tmpfs { get; init; }

    /// <summary>
    /// The swap memory in MiB the container may use on top of its memory (EC2 only); 0 turns swap off, and without
    /// it the instance default applies.
    /// </summary>
    public int? MaxSwap { get; init; }

    /// <summary>
    /// How readily the container memory is swapped, 0 to 100 (EC2 only); defaults to 60.
    /// </summary>
    public int? Swappiness { get; init; }
}
