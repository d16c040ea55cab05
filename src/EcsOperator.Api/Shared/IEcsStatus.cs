using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Shared;

/// <summary>What every status of our kinds carries, so condition handling can be written once.</summary>
public interface IEcsStatus
{
    /// <summary>The <c>metadata.generation</c> the status was computed for.</summary>
    long? ObservedGeneration { get; }

    /// <summary>The Ready / Reconciling / Stalled / Drifted conditions.</summary>
    IReadOnlyList<Condition>? Conditions { get; }
}
