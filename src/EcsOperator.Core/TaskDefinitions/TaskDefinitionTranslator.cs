using System.Security.Cryptography;
using System.Text;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.TaskDefinitions;

/// <summary>Turns a task-definition spec into the RegisterTaskDefinition request for its family.</summary>
public static class TaskDefinitionTranslator
{
    private const int MaxFamilyLength = 255;

    /// <summary>
    /// <c>&lt;namespace&gt;-&lt;name&gt;</c>, with the dots a Kubernetes name may contain turned into dashes (ECS families
    /// allow letters, digits, '-' and '_'), and shortened with a hash suffix past ECS's 255 characters. Collisions
    /// this allows (<c>a-b/c</c> vs <c>a/b-c</c>) are caught by the owner tag: a family owned by another object is
    /// never touched.
    /// </summary>
    public static string DefaultFamily(string @namespace, string name)
    {
        var family = $"{@namespace}-{name}".Replace('.', '-');
        if (family.Length <= MaxFamilyLength)
            return family;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(family)))[..12];
        return $"{family[..(MaxFamilyLength - hash.Length - 1)]}-{hash}";
    }

    /// <summary>
    /// The request to register <paramref name="spec"/> under <paramref name="family"/>, tagged with its owner and its
    /// spec hash so that a restarted operator recognises the revision it registered.
    /// </summary>
    public static TranslatedTaskDefinition Translate(TaskDefinitionTemplate spec, string family, string ownerTagValue)
    {
        var request = new RegisterTaskDefinitionRequest
        {
            Family = family,
            TaskRoleArn = spec.TaskRoleArn,
            ExecutionRoleArn = spec.ExecutionRoleArn,
            NetworkMode = spec.NetworkMode,
            ContainerDefinitions = spec.ContainerDefinitions,
            Volumes = spec.Volumes,
            PlacementConstraints = spec.PlacementConstraints,
            RequiresCompatibilities = spec.RequiresCompatibilities,
            Cpu = spec.Cpu,
            Memory = spec.Memory,
            Tags = spec.Tags,
            PidMode = spec.PidMode,
            IpcMode = spec.IpcMode,
            ProxyConfiguration = spec.ProxyConfiguration,
            InferenceAccelerators = spec.InferenceAccelerators,
            EphemeralStorage = spec.EphemeralStorage,
            RuntimePlatform = spec.RuntimePlatform,
            EnableFaultInjection = spec.EnableFaultInjection,
        };
        var hash = TaskDefinitionContent.Hash(request);
        var tags = (spec.Tags ?? [])
            .Where(t => t.Key is not (OwnershipTags.OwnerKey or OwnershipTags.SpecHashKey))
            .Append(new Tag { Key = OwnershipTags.OwnerKey, Value = ownerTagValue })
            .Append(new Tag { Key = OwnershipTags.SpecHashKey, Value = hash })
            .ToList();
        return new TranslatedTaskDefinition(request with { Tags = tags }, hash);
    }
}
