using System.Text.Json.Serialization.Metadata;
using EcsOperator.Api.Shared;
using EcsOperator.Core.Conditions;
using EcsOperator.Kubernetes.Model;
using RestResourceType = EcsOperator.Kubernetes.Rest.ResourceType;

namespace EcsOperator.Reconcilers.Managed;

/// <summary>
/// How generic code reaches one kind's object and status: its REST resource, its JSON type, and how to read,
/// create and stamp its status (the records differ per kind; conditions and observedGeneration are common), and,
/// for a kind whose status keeps the last drift (<c>status.drift</c>), how to record it.
/// </summary>
public sealed record ManagedKind<T, TStatus>(
    string Name,
    RestResourceType Resource,
    JsonTypeInfo<T> TypeInfo,
    Func<T, TStatus?> StatusOf,
    Func<T, TStatus, T> WithStatus,
    Func<TStatus> NewStatus,
    Func<TStatus, long, IReadOnlyList<Condition>, TStatus> Stamp,
    Func<TStatus, DriftObservation, DateTimeOffset, TStatus>? RecordDrift = null)
    where T : class, IKubernetesObject
    where TStatus : class, IEcsStatus;
