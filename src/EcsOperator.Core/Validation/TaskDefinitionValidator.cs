using System.Globalization;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Arns;

namespace EcsOperator.Core.Validation;

/// <summary>
/// Checks a task definition for what the CRD schema cannot express and RegisterTaskDefinition would reject (or
/// accept but never run): Fargate's limits, container memory and cpu against the task's, port mappings for the
/// network mode, references between containers and volumes, secrets, FireLens, health checks and EFS volumes.
/// </summary>
public static class TaskDefinitionValidator
{
    private static readonly string[] DependencyConditions = ["START", "COMPLETE", "SUCCESS", "HEALTHY"];

    /// <summary>Whether the template is validated for Fargate (requiresCompatibilities contains FARGATE).</summary>
    public static bool IsFargate(TaskDefinitionTemplate spec) => spec.RequiresCompatibilities?.Contains("FARGATE") == true;

    /// <summary>
    /// Every problem of <paramref name="spec"/>; empty when it is valid. Paths start with <paramref name="pathPrefix"/>:
    /// "spec" for an EcsTaskDefinition, "spec.taskDefinitionTemplate" for a service's inline template.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(TaskDefinitionTemplate spec, string pathPrefix = "spec")
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new FieldErrors();
        var context = new Context(spec, pathPrefix, errors);
        CheckTaskSize(context);
        CheckFargate(context);
        CheckVolumes(context);
        CheckContainers(context);
        TagRules.Check(spec.Tags, $"{pathPrefix}.tags", errors);
        return errors.ToList();
    }

    private sealed class Context(TaskDefinitionTemplate spec, string prefix, FieldErrors errors)
    {
        public TaskDefinitionTemplate Spec { get; } = spec;
        public string Prefix { get; } = prefix;
        public FieldErrors Errors { get; } = errors;
        public bool Fargate { get; } = IsFargate(spec);
        public int? TaskCpu { get; set; }
        public int? TaskMemory { get; set; }
        public IReadOnlyList<ContainerDefinition> Containers { get; } = spec.ContainerDefinitions ?? [];

        /// <summary>bridge is ECS's default on Linux EC2; Fargate only runs awsvpc (reported separately when it differs).</summary>
        public string NetworkMode => Fargate ? "awsvpc" : Spec.NetworkMode ?? "bridge";

        public bool HostPortIsContainerPort => Fargate || NetworkMode is "awsvpc" or "host";

        public string Container(ContainerDefinition container, int index) =>
            FieldErrors.Item($"{Prefix}.containerDefinitions", container.Name, index);

        public bool HasContainer(string? name) => name is not null && Containers.Any(c => c.Name == name);
    }

    private static void CheckTaskSize(Context c)
    {
        if (c.Spec.Cpu is { } cpu)
        {
            c.TaskCpu = FargateTaskSize.ParseCpuUnits(cpu);
            if (c.TaskCpu is null)
                c.Errors.Add($"{c.Prefix}.cpu", $"'{cpu}' is not a cpu value: use CPU units like 1024 or vCPUs like 1 vCPU");
        }

        if (c.Spec.Memory is { } memory)
        {
            c.TaskMemory = FargateTaskSize.ParseMemoryMiB(memory);
            if (c.TaskMemory is null)
                c.Errors.Add($"{c.Prefix}.memory", $"'{memory}' is not a memory value: use MiB like 2048 or GB like 2 GB");
        }
    }

    private static void CheckFargate(Context c)
    {
        if (!c.Fargate)
            return;
        if (c.Spec.NetworkMode != "awsvpc")
            c.Errors.Add($"{c.Prefix}.networkMode", $"Fargate requires networkMode awsvpc, not {c.Spec.NetworkMode ?? "the default bridge"}: set networkMode: awsvpc");
        if (c.Spec.Cpu is null)
            c.Errors.Add($"{c.Prefix}.cpu", "Fargate requires task-level cpu: set cpu, e.g. 256 or 1 vCPU");
        if (c.Spec.Memory is null)
            c.Errors.Add($"{c.Prefix}.memory", "Fargate requires task-level memory: set memory, e.g. 512 or 2 GB");
        if (c.TaskCpu is { } cpu && c.TaskMemory is { } memory && FargateTaskSize.Check(cpu, memory) is { } problem)
            c.Errors.Add($"{c.Prefix}.memory", $"{problem}: change cpu or memory to a supported pair");
        if (c.Spec.PlacementConstraints is { Count: > 0 })
            c.Errors.Add($"{c.Prefix}.placementConstraints", "Fargate does not support placement constraints: remove placementConstraints");
        if (c.Spec.IpcMode is not null)
            c.Errors.Add($"{c.Prefix}.ipcMode", "Fargate does not support ipcMode: remove it");

        for (var i = 0; i < (c.Spec.Volumes?.Count ?? 0); i++)
        {
            var volume = c.Spec.Volumes![i];
            var path = FieldErrors.Item($"{c.Prefix}.volumes", volume.Name, i);
            if (volume.DockerVolumeConfiguration is not null)
                c.Errors.Add($"{path}.dockerVolumeConfiguration", "Fargate does not support Docker volumes: use an EFS volume or a task-scoped (bind mount) volume without configuration");
            if (!string.IsNullOrEmpty(volume.Host?.SourcePath))
                c.Errors.Add($"{path}.host.sourcePath", "Fargate has no host paths: remove host.sourcePath (an empty volume is task storage) or use EFS");
        }

        for (var i = 0; i < c.Containers.Count; i++)
        {
            var container = c.Containers[i];
            var path = c.Container(container, i);
            if (container.Privileged == true)
                c.Errors.Add($"{path}.privileged", "Fargate does not support privileged containers: remove privileged or run on EC2");
            if (container.LinuxParameters?.Devices is { Count: > 0 })
                c.Errors.Add($"{path}.linuxParameters.devices", "Fargate does not support host devices: remove linuxParameters.devices or run on EC2");
        }
    }

    private static void CheckVolumes(Context c)
    {
        var volumes = c.Spec.Volumes ?? [];
        for (var i = 0; i < volumes.Count; i++)
        {
            var volume = volumes[i];
            var path = FieldErrors.Item($"{c.Prefix}.volumes", volume.Name, i);
            if (string.IsNullOrWhiteSpace(volume.Name))
                c.Errors.Add($"{path}.name", "every volume needs a name: containers mount it by that name");
            if (volume.EfsVolumeConfiguration is { } efs)
                CheckEfs(efs, $"{path}.efsVolumeConfiguration", c.Errors);
        }

        foreach (var (key, index) in FieldErrors.Duplicates(volumes, v => v.Name))
            c.Errors.Add(FieldErrors.Item($"{c.Prefix}.volumes", key, index), $"volume name '{key}' is used twice: give each volume a unique name");
    }

    private static void CheckEfs(EFSVolumeConfiguration efs, string path, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(efs.FileSystemId))
            errors.Add($"{path}.fileSystemId", "an EFS volume needs fileSystemId (fs-...): set the file system to mount");
        var encrypted = efs.TransitEncryption == "ENABLED";
        if (efs.TransitEncryptionPort is not null && !encrypted)
            errors.Add($"{path}.transitEncryptionPort", "transitEncryptionPort is only used with transitEncryption ENABLED: enable transit encryption or remove the port");
        if (efs.TransitEncryptionPort is < 0 or > 65535)
            errors.Add($"{path}.transitEncryptionPort", $"transitEncryptionPort {efs.TransitEncryptionPort} is not a port: use 1 to 65535");
        if (efs.AuthorizationConfig is { } auth)
        {
            if (!string.IsNullOrEmpty(auth.AccessPointId) && !encrypted)
                errors.Add($"{path}.authorizationConfig.accessPointId", "an EFS access point requires transitEncryption ENABLED: set efsVolumeConfiguration.transitEncryption: ENABLED");
            if (auth.Iam == "ENABLED" && !encrypted)
                errors.Add($"{path}.authorizationConfig.iam", "EFS IAM authorization requires transitEncryption ENABLED: set efsVolumeConfiguration.transitEncryption: ENABLED");
            if (!string.IsNullOrEmpty(auth.AccessPointId) && efs.RootDirectory is { } root && root != "/")
                errors.Add($"{path}.rootDirectory", $"with an access point the root directory comes from the access point: omit rootDirectory or set it to / (not {root})");
        }
    }

    private static void CheckContainers(Context c)
    {
        var containers = c.Containers;
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            if (string.IsNullOrWhiteSpace(container.Name))
                c.Errors.Add($"{c.Container(container, i)}.name", "every container needs a name: dependsOn, load balancers and overrides refer to it");
        }

        foreach (var (key, index) in FieldErrors.Duplicates(containers, x => x.Name))
            c.Errors.Add($"{c.Container(containers[index], index)}.name", $"container name '{key}' is used by more than one container: names must be unique within the task");

        if (containers.Count > 0 && containers.All(x => x.Essential == false))
            c.Errors.Add($"{c.Prefix}.containerDefinitions", "no container is essential, so ECS cannot tell when the task fails: mark at least one container essential: true (the default)");

        CheckMemoryAndCpu(c);
        CheckPorts(c);
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            var path = c.Container(container, i);
            if (string.IsNullOrWhiteSpace(container.Image))
                c.Errors.Add($"{path}.image", "every container needs an image: set image, e.g. public.ecr.aws/nginx/nginx:1.27");
            CheckReferences(c, container, path);
            CheckEnvironmentAndSecrets(container, path, c.Errors);
            if (container.HealthCheck is { } health)
                CheckHealthCheck(health, $"{path}.healthCheck", c.Errors);
        }

        CheckFirelens(c);
    }

    private static void CheckMemoryAndCpu(Context c)
    {
        var anyTooBig = false;
        for (var i = 0; i < c.Containers.Count; i++)
        {
            var container = c.Containers[i];
            var path = c.Container(container, i);
            if (container.Memory is { } hard && container.MemoryReservation is { } soft && soft > hard)
                c.Errors.Add($"{path}.memoryReservation", $"memoryReservation {soft} MiB exceeds the hard limit memory {hard} MiB: lower memoryReservation or raise memory");
            if (c.TaskMemory is { } taskMemory && (container.Memory ?? container.MemoryReservation) is { } needs && needs > taskMemory)
            {
                var field = container.Memory is not null ? "memory" : "memoryReservation";
                c.Errors.Add($"{path}.{field}", $"container {field} {needs} MiB exceeds the task's {taskMemory} MiB: lower it or raise {c.Prefix}.memory");
                anyTooBig = true;
            }

            if (c.TaskMemory is null && c.Spec.Memory is null && !c.Fargate && container.Memory is null && container.MemoryReservation is null)
                c.Errors.Add($"{path}.memory", "without task-level memory every container needs memory or memoryReservation (ECS rule): set one here or set task memory");
            if (container.Cpu is < 0)
                c.Errors.Add($"{path}.cpu", $"cpu {container.Cpu} is negative: use 0 or more CPU units");
            if (c.TaskCpu is { } taskCpu && container.Cpu is { } cpu && cpu > taskCpu)
            {
                c.Errors.Add($"{path}.cpu", $"container cpu {cpu} units exceeds the task's {taskCpu} units: lower it or raise {c.Prefix}.cpu");
                anyTooBig = true;
            }
        }

        if (anyTooBig)
            return;
        if (c.TaskMemory is { } total)
        {
            var sum = c.Containers.Sum(x => (long)(x.Memory ?? x.MemoryReservation ?? 0));
            if (sum > total)
                c.Errors.Add($"{c.Prefix}.memory", $"containers need {sum} MiB together ({Breakdown(c.Containers, x => x.Memory ?? x.MemoryReservation)}) but the task has {total} MiB: raise memory or lower the containers' memory");
        }

        if (c.TaskCpu is { } totalCpu)
        {
            var sum = c.Containers.Sum(x => (long)(x.Cpu ?? 0));
            if (sum > totalCpu)
                c.Errors.Add($"{c.Prefix}.cpu", $"containers reserve {sum} CPU units together ({Breakdown(c.Containers, x => x.Cpu)}) but the task has {totalCpu}: raise cpu or lower the containers' cpu");
        }
    }

    private static string Breakdown(IReadOnlyList<ContainerDefinition> containers, Func<ContainerDefinition, int?> value) =>
        string.Join(", ", containers.Where(x => value(x) is > 0).Select(x => $"{x.Name} {value(x)!.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static void CheckPorts(Context c)
    {
        var taken = new Dictionary<(int Port, string Protocol), string?>();
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < c.Containers.Count; i++)
        {
            var container = c.Containers[i];
            var mappings = container.PortMappings ?? [];
            for (var m = 0; m < mappings.Count; m++)
            {
                var mapping = mappings[m];
                var path = FieldErrors.Item($"{c.Container(container, i)}.portMappings", null, m);
                if (mapping.ContainerPortRange is { } range)
                {
                    if (mapping.ContainerPort is not null)
                        c.Errors.Add($"{path}.containerPortRange", "set containerPort or containerPortRange, not both");
                    if (!IsPortRange(range))
                        c.Errors.Add($"{path}.containerPortRange", $"'{range}' is not a port range: use first-last with 1 <= first < last <= 65535, e.g. 8000-8010");
                    if (mapping.HostPort is not null)
                        c.Errors.Add($"{path}.hostPort", "a containerPortRange gets its host ports from ECS: remove hostPort");
                    continue;
                }

                if (mapping.ContainerPort is not { } port || port is < 1 or > 65535)
                {
                    c.Errors.Add($"{path}.containerPort", $"containerPort {(mapping.ContainerPort?.ToString(CultureInfo.InvariantCulture) ?? "is missing")}{(mapping.ContainerPort is null ? "" : " is not a port")}: use 1 to 65535 (or containerPortRange)");
                    continue;
                }

                if (c.HostPortIsContainerPort && mapping.HostPort is { } hostPort && hostPort != port)
                {
                    c.Errors.Add($"{path}.hostPort", $"under networkMode {c.NetworkMode} hostPort must equal containerPort ({port}), not {hostPort}: omit hostPort");
                }
                else if (mapping.HostPort is < 0 or > 65535)
                {
                    c.Errors.Add($"{path}.hostPort", $"hostPort {mapping.HostPort} is not a port: use 0 (dynamic) to 65535");
                }

                var protocol = mapping.Protocol ?? "tcp";
                if (!c.HostPortIsContainerPort && mapping.HostPort is { } staticPort && staticPort > 0)
                {
                    // A static host port can be bound once per instance; 0 or omitted means a dynamic port.
                    if (taken.TryGetValue((staticPort, protocol), out var owner))
                        c.Errors.Add($"{path}.hostPort", $"hostPort {staticPort}/{protocol} is already used by container {owner}: use another hostPort or 0 for a dynamic port");
                    else
                        taken[(staticPort, protocol)] = container.Name;
                }
                else if (c.HostPortIsContainerPort)
                {
                    if (taken.TryGetValue((port, protocol), out var owner))
                        c.Errors.Add($"{path}.containerPort", $"port {port}/{protocol} is already mapped by container {owner}: under networkMode {c.NetworkMode} a port can be mapped once per task");
                    else
                        taken[(port, protocol)] = container.Name;
                }

                if (!string.IsNullOrEmpty(mapping.Name))
                {
                    if (names.TryGetValue(mapping.Name, out var nameOwner))
                        c.Errors.Add($"{path}.name", $"port mapping name '{mapping.Name}' is already used by container {nameOwner}: port mapping names must be unique within the task (Service Connect refers to them)");
                    else
                        names[mapping.Name] = container.Name;
                }
            }
        }
    }

    private static bool IsPortRange(string range)
    {
        var parts = range.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            && first >= 1 && last <= 65535 && first < last;
    }

    private static void CheckReferences(Context c, ContainerDefinition container, string path)
    {
        var volumeNames = (c.Spec.Volumes ?? []).Select(v => v.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var mounts = container.MountPoints ?? [];
        for (var m = 0; m < mounts.Count; m++)
        {
            var mount = mounts[m];
            var mountPath = FieldErrors.Item($"{path}.mountPoints", mount.ContainerPath, m);
            if (string.IsNullOrEmpty(mount.ContainerPath))
                c.Errors.Add($"{mountPath}.containerPath", "a mount point needs containerPath: where the volume appears in the container");
            if (mount.SourceVolume is not { Length: > 0 } source)
                c.Errors.Add($"{mountPath}.sourceVolume", "a mount point needs sourceVolume: the name of a volume in volumes");
            else if (!volumeNames.Contains(source))
                c.Errors.Add($"{mountPath}.sourceVolume", $"no volume named '{source}' in {c.Prefix}.volumes: add it there or fix sourceVolume ({Known(volumeNames)})");
        }

        var volumesFrom = container.VolumesFrom ?? [];
        for (var v = 0; v < volumesFrom.Count; v++)
        {
            var from = volumesFrom[v];
            var fromPath = FieldErrors.Item($"{path}.volumesFrom", from.SourceContainer, v);
            if (from.SourceContainer == container.Name)
                c.Errors.Add($"{fromPath}.sourceContainer", "a container cannot mount volumes from itself: name another container");
            else if (!c.HasContainer(from.SourceContainer))
                c.Errors.Add($"{fromPath}.sourceContainer", $"no container named '{from.SourceContainer}' in the task: name one of {Known(ContainerNames(c))}");
        }

        var dependencies = container.DependsOn ?? [];
        for (var d = 0; d < dependencies.Count; d++)
        {
            var dependency = dependencies[d];
            var depPath = FieldErrors.Item($"{path}.dependsOn", dependency.ContainerName, d);
            if (dependency.ContainerName == container.Name)
            {
                c.Errors.Add($"{depPath}.containerName", "a container cannot depend on itself: name another container");
                continue;
            }

            var target = c.Containers.FirstOrDefault(x => x.Name == dependency.ContainerName);
            if (target is null)
            {
                c.Errors.Add($"{depPath}.containerName", $"no container named '{dependency.ContainerName}' in the task: name one of {Known(ContainerNames(c))}");
                continue;
            }

            if (dependency.Condition is null || Array.IndexOf(DependencyConditions, dependency.Condition) < 0)
                c.Errors.Add($"{depPath}.condition", $"condition '{dependency.Condition}' is not valid: use START, COMPLETE, SUCCESS or HEALTHY");
            else if (dependency.Condition == "HEALTHY" && target.HealthCheck is null)
                c.Errors.Add($"{depPath}.condition", $"condition HEALTHY needs a healthCheck on container {target.Name}, which has none: add one there or use condition START");
        }

        if (container.Links is { Count: > 0 } links)
        {
            if (c.NetworkMode != "bridge")
            {
                c.Errors.Add($"{path}.links", $"links only work under networkMode bridge, not {c.NetworkMode}: remove links (containers in a task reach each other on localhost)");
            }
            else
            {
                foreach (var link in links)
                {
                    var name = link.Split(':')[0];
                    if (!c.HasContainer(name) || name == container.Name)
                        c.Errors.Add($"{path}.links", $"link '{link}' does not name another container of the task: use name or name:alias with one of {Known(ContainerNames(c))}");
                }
            }
        }
    }

    private static IEnumerable<string> ContainerNames(Context c) => c.Containers.Select(x => x.Name).OfType<string>();

    private static string Known(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "there are none" : string.Join(", ", list);
    }

    private static void CheckEnvironmentAndSecrets(ContainerDefinition container, string path, FieldErrors errors)
    {
        foreach (var (key, index) in FieldErrors.Duplicates(container.Environment, e => e.Name))
            errors.Add(FieldErrors.Item($"{path}.environment", key, index), $"environment variable {key} is set more than once: keep one");

        var secrets = container.Secrets ?? [];
        for (var s = 0; s < secrets.Count; s++)
        {
            var secret = secrets[s];
            if (SecretReference.Check(secret.ValueFrom) is { } problem)
                errors.Add($"{FieldErrors.Item($"{path}.secrets", secret.Name, s)}.valueFrom", problem);
        }

        foreach (var (key, index) in FieldErrors.Duplicates(container.Secrets, e => e.Name))
            errors.Add(FieldErrors.Item($"{path}.secrets", key, index), $"secret {key} is defined more than once: keep one");

        var clash = (container.Environment ?? []).Select(e => e.Name).Intersect((container.Secrets ?? []).Select(s => s.Name), StringComparer.Ordinal).FirstOrDefault();
        if (clash is not null)
            errors.Add(FieldErrors.Item($"{path}.secrets", clash, 0), $"{clash} is both an environment variable and a secret: keep only one");

        var logSecrets = container.LogConfiguration?.SecretOptions ?? [];
        for (var s = 0; s < logSecrets.Count; s++)
        {
            if (SecretReference.Check(logSecrets[s].ValueFrom) is { } problem)
                errors.Add($"{FieldErrors.Item($"{path}.logConfiguration.secretOptions", logSecrets[s].Name, s)}.valueFrom", problem);
        }

        var files = container.EnvironmentFiles ?? [];
        for (var f = 0; f < files.Count; f++)
        {
            var file = files[f];
            var filePath = FieldErrors.Item($"{path}.environmentFiles", null, f);
            if (file.Type != "s3")
                errors.Add($"{filePath}.type", $"environment file type '{file.Type}' is not supported: use s3");
            if (!IsS3ObjectArn(file.Value))
                errors.Add($"{filePath}.value", $"'{file.Value}' is not an S3 object ARN: use arn:aws:s3:::bucket/path/file.env");
        }
    }

    private static bool IsS3ObjectArn(string? value)
    {
        if (!Arn.TryParse(value, out var arn) || arn.Service != "s3" || arn.Region.Length != 0 || arn.Account.Length != 0)
            return false;
        var slash = arn.Resource.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < arn.Resource.Length - 1;
    }

    private static void CheckHealthCheck(HealthCheck health, string path, FieldErrors errors)
    {
        var command = health.Command ?? [];
        if (command.Count == 0)
            errors.Add($"{path}.command", "a health check needs a command: [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"] or [\"CMD\", \"executable\", \"arg\"]");
        else if (command[0] is not ("CMD" or "CMD-SHELL"))
            errors.Add($"{path}.command", $"a health check command starts with CMD or CMD-SHELL, not '{command[0]}': e.g. [\"CMD-SHELL\", \"{string.Join(' ', command)}\"]");
        else if (command.Count == 1)
            errors.Add($"{path}.command", $"{command[0]} needs the command to run after it: e.g. [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]");

        Range(health.Interval, 5, 300, "interval", "seconds");
        Range(health.Timeout, 2, 120, "timeout", "seconds");
        Range(health.Retries, 1, 10, "retries", "attempts");
        Range(health.StartPeriod, 0, 300, "startPeriod", "seconds");

        void Range(int? value, int min, int max, string field, string unit)
        {
            if (value is { } v && (v < min || v > max))
                errors.Add($"{path}.{field}", $"{field} {v} is out of range: ECS accepts {min} to {max} {unit}");
        }
    }

    private static void CheckFirelens(Context c)
    {
        string? router = null;
        for (var i = 0; i < c.Containers.Count; i++)
        {
            var container = c.Containers[i];
            if (container.FirelensConfiguration is null)
                continue;
            if (router is null)
                router = container.Name;
            else
                c.Errors.Add($"{c.Container(container, i)}.firelensConfiguration", $"only one container per task can be the FireLens log router and {router} already is: remove firelensConfiguration here");
        }

        if (router is not null)
            return;
        for (var i = 0; i < c.Containers.Count; i++)
        {
            var container = c.Containers[i];
            if (container.LogConfiguration?.LogDriver == "awsfirelens")
                c.Errors.Add($"{c.Container(container, i)}.logConfiguration.logDriver", "logDriver awsfirelens needs a FireLens log router in the task: add a container with firelensConfiguration (e.g. aws-for-fluent-bit) or use another log driver");
        }
    }
}
