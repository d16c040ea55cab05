using EcsOperator.Api.TaskDefinitions;

namespace EcsOperator.Reconcilers.TaskDefinitions;

/// <summary>What <see cref="OwnedRevisions.FindOwnedAsync"/> found.</summary>
/// <param name="Match">The owned ACTIVE revision with the wanted spec hash, if any.</param>
/// <param name="Owned">Owned revisions described on the way (to remember in status).</param>
/// <param name="ForeignOwner">Set (empty when untagged) when the family's latest revision belongs to someone else.</param>
public sealed record RevisionScan(TaskDefinitionRevision? Match, IReadOnlyList<TaskDefinitionRevision> Owned, string? ForeignOwner);
