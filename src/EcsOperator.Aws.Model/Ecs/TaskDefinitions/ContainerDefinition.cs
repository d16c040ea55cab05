using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Container definitions are used in task definitions to describe the different containers that are launched as
/// part of a task.
/// </summary>
public sealed record ContainerDefinition
{
    /// <summary>
    /// The name of a container. If you're linking multiple containers together in a task definition, the name of
    /// one container can be entered in the links of another container to connect the containers.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// The image used to start a container. This string is passed directly to the Docker daemon. By default, images
    /// in the Docker Hub registry are available.
    /// </summary>
    public string? Image { get; init; }

    /// <summary>
    /// The private repository authentication credentials to use.
    /// </summary>
    public RepositoryCredentials? RepositoryCredentials { get; init; }

    /// <summary>
    /// The number of cpu units reserved for the container. This parameter maps to CpuShares in the docker container
    /// create command and the --cpu-shares option to docker run.
    /// </summary>
    public int? Cpu { get; init; }

    /// <summary>
    /// The amount (in MiB) of memory to present to the container. If your container attempts to exceed the memory
    /// specified here, the container is killed.
    /// </summary>
    public int? Memory { get; init; }

    /// <summary>
    /// The soft limit (in MiB) of memory to reserve for the container. When system memory is under heavy
    /// contention, Docker attempts to keep the container memory to this soft limit.
    /// </summary>
    public int? MemoryReservation { get; init; }

    /// <summary>
    /// The links parameter allows containers to communicate with each other without the need for port mappings.
    /// </summary>
    public IReadOnlyList<string>? Links { get; init; }

    /// <summary>
    /// The list of port mappings for the container. Port mappings allow containers to access ports on the host
    /// container instance to send or receive traffic.
    /// </summary>
    public IReadOnlyList<PortMapping>? PortMappings { get; init; }

    /// <summary>
    /// If the essential parameter of a container is marked as true, and that container fails or stops for any
    /// reason, all other containers that are part of the task are stopped.
    /// </summary>
    public bool? Essential { get; init; }

    /// <summary>
    /// The restart policy for a container. When you set up a restart policy, Amazon ECS can restart the container
    /// without needing to replace the task.
    /// </summary>
    public ContainerRestartPolicy? RestartPolicy { get; init; }

    /// <summary>
    /// Early versions of the Amazon ECS container agent don't properly handle entryPoint parameters.
    /// </summary>
    public IReadOnlyList<string>? EntryPoint { get; init; }

    /// <summary>
    /// The command that's passed to the container. This parameter maps to Cmd in the docker container create
    /// command and the COMMAND parameter to docker run.
    /// </summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>
    /// The environment variables to pass to a container. This parameter maps to Env in the docker container create
    /// command and the --env option to docker run.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<KeyValuePair>? Environment { get; init; }

    /// <summary>
    /// A list of files containing the environment variables to pass to a container. This parameter maps to the
    /// --env-file option to docker run.
    /// </summary>
    public IReadOnlyList<EnvironmentFile>? EnvironmentFiles { get; init; }

    /// <summary>
    /// The mount points for data volumes in your container. This parameter maps to Volumes in the docker container
    /// create command and the --volume option to docker run.
    /// </summary>
    [ListKey("containerPath")]
    public IReadOnlyList<MountPoint>? MountPoints { get; init; }

    /// <summary>
    /// Data volumes to mount from another container. This parameter maps to VolumesFrom in the docker container
    /// create command and the --volumes-from option to docker run.
    /// </summary>
    [ListKey("sourceContainer")]
    public IReadOnlyList<VolumeFrom>? VolumesFrom { get; init; }

    /// <summary>
    /// Linux-specific modifications that are applied to the default Docker container configuration, such as Linux
    /// kernel capabilities.
    /// </summary>
    public LinuxParameters? LinuxParameters { get; init; }

    /// <summary>
    /// The secrets to pass to the container. For more information, see Specifying Sensitive Data in the Amazon
    /// Elastic Container Service Developer Guide .
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<Secret>? Secrets { get; init; }

    /// <summary>
    /// The dependencies defined for container startup and shutdown. A container can contain multiple dependencies
    /// on other containers in a task definition.
    /// </summary>
    [ListKey("containerName")]
    public IReadOnlyList<ContainerDependency>? DependsOn { get; init; }

    /// <summary>
    /// Time duration (in seconds) to wait before giving up on resolving dependencies for a container.
    /// </summary>
    public int? StartTimeout { get; init; }

    /// <summary>
    /// Time duration (in seconds) to wait before the container is forcefully killed if it doesn't exit normally on
    /// its own. For tasks that use the Fargate launch type, the max stop timeout value is 120 seconds and if the
    /// parameter is not specified, the default value of 30 seconds is used.
    /// </summary>
    public int? StopTimeout { get; init; }

    /// <summary>
    /// Specifies whether Amazon ECS will resolve the container image tag provided in the container definition to an
    /// image digest. By default, the value is enabled.
    /// </summary>
    [AllowedValues("enabled", "disabled")]
    public string? VersionConsistency { get; init; }

    /// <summary>
    /// The hostname to use for your container. This parameter maps to Hostname in the docker container create
    /// command and the --hostname option to docker run.
    /// </summary>
    public string? Hostname { get; init; }

    /// <summary>
    /// The user to use inside the container. This parameter maps to User in the docker container create command and
    /// the --user option to docker run.
    /// </summary>
    public string? User { get; init; }

    /// <summary>
    /// The working directory to run commands inside the container in. This parameter maps to WorkingDir in the
    /// docker container create command and the --workdir option to docker run.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// When this parameter is true, networking is off within the container. This parameter maps to NetworkDisabled
    /// in the docker container create command.
    /// </summary>
    public bool? DisableNetworking { get; init; }

    /// <summary>
    /// When this parameter is true, the container is given elevated privileges on the host container instance
    /// (similar to the root user).
    /// </summary>
    public bool? Privileged { get; init; }

    /// <summary>
    /// When this parameter is true, the container is given read-only access to its root file system.
    /// </summary>
    public bool? ReadonlyRootFilesystem { get; init; }

    /// <summary>
    /// A list of DNS servers that are presented to the container. This parameter maps to Dns in the docker
    /// container create command and the --dns option to docker run.
    /// </summary>
    public IReadOnlyList<string>? DnsServers { get; init; }

    /// <summary>
    /// A list of DNS search domains that are presented to the container. This parameter maps to DnsSearch in the
    /// docker container create command and the --dns-search option to docker run.
    /// </summary>
    public IReadOnlyList<string>? DnsSearchDomains { get; init; }

    /// <summary>
    /// A list of hostnames and IP address mappings to append to the /etc/hosts file on the container.
    /// </summary>
    [ListKey("hostname")]
    public IReadOnlyList<HostEntry>? ExtraHosts { get; init; }

    /// <summary>
    /// A list of strings to provide custom configuration for multiple security systems. This field isn't valid for
    /// containers in tasks using the Fargate launch type.
    /// </summary>
    public IReadOnlyList<string>? DockerSecurityOptions { get; init; }

    /// <summary>
    /// When this parameter is true, you can deploy containerized applications that require stdin or a tty to be
    /// allocated.
    /// </summary>
    public bool? Interactive { get; init; }

    /// <summary>
    /// When this parameter is true, a TTY is allocated. This parameter maps to Tty in the docker container create
    /// command and the --tty option to docker run.
    /// </summary>
    public bool? PseudoTerminal { get; init; }

    /// <summary>
    /// A key/value map of labels to add to the container. This parameter maps to Labels in the docker container
    /// create command and the --label option to docker run.
    /// </summary>
    public IReadOnlyDictionary<string, string>? DockerLabels { get; init; }

    /// <summary>
    /// A list of ulimits to set in the container. If a ulimit value is specified in a task definition, it overrides
    /// the default values set by Docker. Amazon ECS tasks hosted on Fargate use the default resource limit values
    /// set by the operating system with the exception of the nofile resource limit parameter which Fargate
    /// overrides.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<Ulimit>? Ulimits { get; init; }

    /// <summary>
    /// The log configuration specification for the container. This parameter maps to LogConfig in the docker
    /// container create command and the --log-driver option to docker run. By default, containers use the same
    /// logging driver that the Docker daemon uses.
    /// </summary>
    public LogConfiguration? LogConfiguration { get; init; }

    /// <summary>
    /// The container health check command and associated configuration parameters for the container.
    /// </summary>
    public HealthCheck? HealthCheck { get; init; }

    /// <summary>
    /// A list of namespaced kernel parameters to set in the container. This parameter maps to Sysctls in the docker
    /// container create command and the --sysctl option to docker run.
    /// </summary>
    [ListKey("namespace")]
    public IReadOnlyList<SystemControl>? SystemControls { get; init; }

    /// <summary>
    /// The type and amount of a resource to assign to a container. The only supported resource is a GPU.
    /// </summary>
    [ListKey("type")]
    public IReadOnlyList<ResourceRequirement>? ResourceRequirements { get; init; }

    /// <summary>
    /// The FireLens configuration for the container. This is used to specify and configure a log router for
    /// container logs.
    /// </summary>
    public FirelensConfiguration? FirelensConfiguration { get; init; }

    /// <summary>
    /// A list of ARNs in SSM or Amazon S3 to a credential spec (CredSpec) file that configures the container for
    /// Active Directory authentication.
    /// </summary>
    public IReadOnlyList<string>? CredentialSpecs { get; init; }
}
