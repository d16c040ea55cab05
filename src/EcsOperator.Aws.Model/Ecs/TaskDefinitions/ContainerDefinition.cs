using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Container definitions are used in task definitions to describe the different containers that are launched as
/// part of a task.
/// </summary>
public sealed record ContainerDefinition
{
    /// <summary>
    /// The container name, unique within the task definition; other containers refer to it in links, dependsOn and
    /// volumesFrom, and load balancers and Service Connect refer to it too.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>
    /// The image to run, as repository-url/image:tag or image@digest. Images from Docker Hub are available by
    /// default; other registries need the task execution role or repositoryCredentials.
    /// </summary>
    public string? Image { get; init; }

    /// <summary>
    /// The private repository authentication credentials to use.
    /// </summary>
    public RepositoryCredentials? RepositoryCredentials { get; init; }

    /// <summary>
    /// The CPU units (1024 = one vCPU) reserved for the container. Optional on Fargate when the task-level cpu is
    /// set; without it the container shares the task CPU.
    /// </summary>
    public int? Cpu { get; init; }

    /// <summary>
    /// The hard memory limit of the container in MiB: the container is killed when it exceeds it. With Fargate this
    /// is optional; on EC2 either memory or memoryReservation must be set.
    /// </summary>
    public int? Memory { get; init; }

    /// <summary>
    /// The soft memory limit (in MiB) reserved for the container: under memory pressure Docker tries to keep the
    /// container at this amount, but it may use more up to memory (or the instance limit).
    /// </summary>
    public int? MemoryReservation { get; init; }

    /// <summary>
    /// Links to other containers of the task in the form name:alias, for the bridge network mode only (not
    /// supported with awsvpc or on Windows).
    /// </summary>
    public IReadOnlyList<string>? Links { get; init; }

    /// <summary>
    /// The ports the container exposes. With awsvpc and host network modes hostPort must equal containerPort (or be
    /// omitted); with bridge, a hostPort of 0 or none picks a dynamic host port. Not keyed: name is optional and
    /// containerPortRange may replace containerPort.
    /// </summary>
    public IReadOnlyList<PortMapping>? PortMappings { get; init; }

    /// <summary>
    /// Whether the task stops when this container stops. Every task definition needs at least one essential
    /// container; the default is true.
    /// </summary>
    public bool? Essential { get; init; }

    /// <summary>
    /// The restart policy for a container. When you set up a restart policy, Amazon ECS can restart the container
    /// without needing to replace the task.
    /// </summary>
    public ContainerRestartPolicy? RestartPolicy { get; init; }

    /// <summary>
    /// The entry point of the container as an argument list (overrides the image ENTRYPOINT). Order matters.
    /// </summary>
    public IReadOnlyList<string>? EntryPoint { get; init; }

    /// <summary>
    /// The command passed to the container as an argument list (overrides the image CMD). Order matters.
    /// </summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>
    /// Environment variables for the container, identified by name. Do not put secrets here; use secrets instead.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<NameValuePair>? Environment { get; init; }

    /// <summary>
    /// S3 objects (.env files) whose variables are added to the container environment; variables in environment
    /// take precedence. Files are processed in order.
    /// </summary>
    public IReadOnlyList<EnvironmentFile>? EnvironmentFiles { get; init; }

    /// <summary>
    /// Volumes of the task mounted into this container, identified by containerPath.
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
    /// Environment variables whose values ECS reads at start from Secrets Manager or SSM Parameter Store
    /// (valueFrom); needs the task execution role.
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<Secret>? Secrets { get; init; }

    /// <summary>
    /// Containers this container waits for (by condition START, COMPLETE, SUCCESS or HEALTHY) before starting; also
    /// orders shutdown.
    /// </summary>
    [ListKey("containerName")]
    public IReadOnlyList<ContainerDependency>? DependsOn { get; init; }

    /// <summary>
    /// Seconds to wait for dependsOn conditions to be met before giving up on starting this container. On Fargate
    /// the maximum is 120.
    /// </summary>
    public int? StartTimeout { get; init; }

    /// <summary>
    /// Seconds to wait after SIGTERM before the container is killed when it does not exit on its own. On Fargate
    /// the default is 30 and the maximum 120.
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
    /// DNS servers for the container, in the order they are queried (not for awsvpc mode).
    /// </summary>
    public IReadOnlyList<string>? DnsServers { get; init; }

    /// <summary>
    /// DNS search domains for the container, in search order (not for awsvpc mode).
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
    /// Docker labels to add to the container.
    /// </summary>
    public IReadOnlyDictionary<string, string>? DockerLabels { get; init; }

    /// <summary>
    /// Resource limits (ulimits) for the container, identified by name; on Fargate only nofile may be changed
    /// (default soft 65535, hard 65535).
    /// </summary>
    [ListKey("name")]
    public IReadOnlyList<Ulimit>? Ulimits { get; init; }

    /// <summary>
    /// Where the container logs go: a log driver (awslogs, awsfirelens, splunk, ...) and its options. Without it
    /// the Docker daemon default driver is used.
    /// </summary>
    public LogConfiguration? LogConfiguration { get; init; }

    /// <summary>
    /// A command ECS runs inside the container to decide whether it is healthy; the result becomes the container
    /// and task health status.
    /// </summary>
    public HealthCheck? HealthCheck { get; init; }

    /// <summary>
    /// Namespaced kernel parameters (sysctls) for the container, identified by namespace.
    /// </summary>
    [ListKey("namespace")]
    public IReadOnlyList<SystemControl>? SystemControls { get; init; }

    /// <summary>
    /// GPUs or inference accelerators reserved for the container, identified by type.
    /// </summary>
    [ListKey("type")]
    public IReadOnlyList<ResourceRequirement>? ResourceRequirements { get; init; }

    /// <summary>
    /// Makes this container the FireLens log router (Fluent Bit or Fluentd) of the task; other containers send logs
    /// to it with the awsfirelens log driver.
    /// </summary>
    public FirelensConfiguration? FirelensConfiguration { get; init; }

    /// <summary>
    /// ARNs (in SSM or S3) of credential spec files that configure the container for Active Directory (gMSA)
    /// authentication.
    /// </summary>
    public IReadOnlyList<string>? CredentialSpecs { get; init; }
}
