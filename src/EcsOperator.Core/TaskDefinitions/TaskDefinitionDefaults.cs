using System.Globalization;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Validation;

namespace EcsOperator.Core.TaskDefinitions;

/// <summary>
/// ECS's defaults for RegisterTaskDefinition, written out, so that a spec that states a default and one that omits
/// it hash alike and compare equal to what DescribeTaskDefinition reports: containers are essential, port mappings
/// are TCP and under awsvpc/host networking listen on the container port, EFS volumes mount <c>/</c> without transit
/// encryption, and task cpu/memory given as "1 vCPU" / "2 GB" are the units ECS stores ("1024" / "2048").
/// </summary>
public static class TaskDefinitionDefaults
{
    public static RegisterTaskDefinitionRequest Apply(RegisterTaskDefinitionRequest request)
    {
        var hostPortIsContainerPort = request.NetworkMode is NetworkMode.Awsvpc or NetworkMode.Host;
        return request with
        {
            Cpu = Units(request.Cpu, FargateTaskSize.ParseCpuUnits),
            Memory = Units(request.Memory, FargateTaskSize.ParseMemoryMiB),
            ContainerDefinitions = request.ContainerDefinitions?.Select(container => container with
            {
                Essential = container.Essential ?? true,
                PortMappings = container.PortMappings?.Select(mapping => mapping with
                {
                    Protocol = mapping.Protocol ?? "tcp",
                    HostPort = mapping.HostPort ?? (hostPortIsContainerPort ? mapping.ContainerPort : null),
                }).ToList(),
            }).ToList(),
            Volumes = request.Volumes?.Select(volume => volume.EfsVolumeConfiguration is { } efs
                ? volume with
                {
                    EfsVolumeConfiguration = efs with
                    {
                        RootDirectory = efs.RootDirectory ?? "/",
                        TransitEncryption = efs.TransitEncryption ?? "DISABLED",
                    },
                }
                : volume).ToList(),
        };
    }

    private static string? Units(string? value, Func<string?, int?> parse) =>
        parse(value) is { } units ? units.ToString(CultureInfo.InvariantCulture) : value;
}
