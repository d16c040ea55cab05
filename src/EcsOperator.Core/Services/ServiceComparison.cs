using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;

namespace EcsOperator.Core.Services;

/// <summary>
/// What differs between an EcsService's desired CreateService request and the live service, and the minimal
/// UpdateService request that fixes what ECS can change (null when nothing changeable differs).
/// </summary>
public sealed record ServiceComparison(IReadOnlyList<FieldDifference> Differences, UpdateServiceRequest? Update)
{
    /// <summary>
    /// The spec's tags (and the owner tag) the service lacks or has with another value; null when they match. Nothing is
    /// ever untagged: tags the spec does not name are not the operator's.
    /// </summary>
    public TagResourceRequest? TagResource { get; init; }

    /// <summary>Differences ECS cannot apply to a live service: the spec must change back, or the service be recreated.</summary>
    public IReadOnlyList<FieldDifference> Immutable => Differences.Where(d => d.Kind == ChangeKind.Immutable).ToList();

    /// <summary>Whether applying <see cref="Update"/> starts a new deployment.</summary>
    public bool StartsDeployment => Differences.Any(d => d.Kind == ChangeKind.NewDeployment);

    public bool InSync => Differences.Count == 0;
}
