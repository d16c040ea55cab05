using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.TaskDefinitions;

/// <summary>Turns a task-definition spec into the RegisterTaskDefinition request for its family.</summary>
public static class TaskDefinitionTranslator
{
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
