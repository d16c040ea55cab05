using System.Text.Json.Serialization;

namespace EcsOperator.Api.Shared;

/// <summary>What happens to the AWS resource when its Kubernetes object is deleted.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeletionPolicy>))]
public enum DeletionPolicy
{
    /// <summary>Delete the AWS resource (the default).</summary>
    Delete,

    /// <summary>Leave the AWS resource in place, orphaned: the operator only removes its finalizer.</summary>
    Retain,
}
