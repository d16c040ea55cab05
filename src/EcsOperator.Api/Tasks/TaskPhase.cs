using System.Text.Json.Serialization;

namespace EcsOperator.Api.Tasks;

/// <summary>Where a run of an EcsTask is, like a Pod's phase.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TaskPhase>))]
public enum TaskPhase
{
    /// <summary>RunTask has not been called yet, or the tasks are PROVISIONING / PENDING.</summary>
    Pending,

    /// <summary>At least one task is RUNNING and none has failed.</summary>
    Running,

    /// <summary>All tasks stopped and every essential container exited with code 0.</summary>
    Succeeded,

    /// <summary>A task stopped with a non-zero exit code or failed to start, or RunTask was refused.</summary>
    Failed,
}
