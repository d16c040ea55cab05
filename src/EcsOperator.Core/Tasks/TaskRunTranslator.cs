using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Hashing;
using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.Tasks;

/// <summary>Turns an EcsTask into the RunTask request that starts it.</summary>
public static class TaskRunTranslator
{
    /// <summary>
    /// The startedBy value of the run: <c>spec.startedBy</c>, else the object's UID (36 letters, digits and hyphens,
    /// within ECS's 128). The reconciler lists tasks by it before running again, so a restarted operator finds the
    /// tasks it already started instead of starting them twice.
    /// </summary>
    public static string StartedBy(EcsTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Spec.StartedBy ?? Uid(task);
    }

    /// <param name="task">The EcsTask.</param>
    /// <param name="taskDefinition">The resolved task definition: ARN or family:revision.</param>
    /// <param name="cluster">The resolved cluster name or ARN; null for the account's default cluster.</param>
    /// <param name="ownerTagValue">The value of the ownership tag (<see cref="OwnershipTags.OwnerValue"/>).</param>
    public static RunTaskRequest ToRunTaskRequest(EcsTask task, string taskDefinition, string? cluster, string ownerTagValue)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(taskDefinition);
        ArgumentException.ThrowIfNullOrEmpty(ownerTagValue);
        var spec = task.Spec;
        return new RunTaskRequest
        {
            Cluster = cluster,
            TaskDefinition = taskDefinition,
            Count = spec.Count ?? 1,
            StartedBy = StartedBy(task),
            // RunTask accepts client tokens of up to 64 characters: the UID makes a retried RunTask start nothing new.
            ClientToken = Uid(task),
            LaunchType = spec.LaunchType,
            CapacityProviderStrategy = spec.CapacityProviderStrategy is { Count: > 0 } strategy ? strategy : null,
            PlatformVersion = spec.PlatformVersion,
            NetworkConfiguration = spec.NetworkConfiguration,
            Overrides = spec.Overrides,
            Group = spec.Group,
            PlacementConstraints = spec.PlacementConstraints,
            PlacementStrategy = spec.PlacementStrategy,
            PropagateTags = spec.PropagateTags,
            EnableExecuteCommand = spec.EnableExecuteCommand,
            EnableECSManagedTags = spec.EnableECSManagedTags,
            VolumeConfigurations = spec.VolumeConfigurations,
            Tags = (spec.Tags ?? [])
                .Where(t => t.Key != OwnershipTags.OwnerKey)
                .Append(new Tag { Key = OwnershipTags.OwnerKey, Value = ownerTagValue })
                .ToList(),
        };
    }

    /// <summary>
    /// Whether a task found by ListTasks (described with its tags) was started for this EcsTask: same startedBy and
    /// this object's owner tag. startedBy alone is not enough when spec.startedBy is shared by several objects.
    /// </summary>
    public static bool IsRunOf(TaskDescription described, string startedBy, string ownerTagValue)
    {
        ArgumentNullException.ThrowIfNull(described);
        return described.TaskArn is not null
            && described.StartedBy == startedBy
            && described.Tags?.Any(t => t.Key == OwnershipTags.OwnerKey && t.Value == ownerTagValue) == true;
    }

    /// <summary>
    /// The hash of what a run is made of: the spec without ttlSecondsAfterFinished and deletionPolicy, which still
    /// apply after the run started. A different hash later means an edit the run will not see.
    /// </summary>
    public static string RunSpecHash(EcsTaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return SpecHash.Of(spec with { TtlSecondsAfterFinished = null, DeletionPolicy = DeletionPolicy.Delete }, ApiJsonContext.Default.EcsTaskSpec);
    }

    private static string Uid(EcsTask task) =>
        string.IsNullOrEmpty(task.Metadata.Uid)
            ? throw new ArgumentException($"EcsTask {task.Metadata.Namespace}/{task.Metadata.Name} has no metadata.uid: it must come from the API server", nameof(task))
            : task.Metadata.Uid;
}
