using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;

namespace EcsOperator.Core.CapacityProviders;

/// <summary>How a described capacity provider differs from the spec, and the calls that bring it back.</summary>
public sealed record CapacityProviderComparison
{
    public required IReadOnlyList<FieldDifference> Differences { get; init; }

    /// <summary>Managed scaling, termination protection or draining differ: what UpdateCapacityProvider can change.</summary>
    public UpdateCapacityProviderRequest? Update { get; init; }

    /// <summary>Tags the spec has that the provider lacks or has with another value.</summary>
    public TagResourceRequest? TagResource { get; init; }

    /// <summary>Differences nothing can apply to the live provider (its Auto Scaling group).</summary>
    public IReadOnlyList<FieldDifference> Immutable => Differences.Where(d => d.Kind == ChangeKind.Immutable).ToList();

    public bool InSync => Differences.Count == 0;
}
