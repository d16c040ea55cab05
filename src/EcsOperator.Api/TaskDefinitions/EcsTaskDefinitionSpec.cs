using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using EcsOperator.Api.Shared;

namespace EcsOperator.Api.TaskDefinitions;

/// <summary>
/// The desired content of a task-definition family: the RegisterTaskDefinition parameters under their ECS names,
/// plus how many revisions to keep and what to do on deletion.
/// </summary>
public sealed record EcsTaskDefinitionSpec : TaskDefinitionTemplate
{
    /// <summary>The default of <see cref="RevisionHistoryLimit"/>.</summary>
    public const int DefaultRevisionHistoryLimit = 10;

    /// <summary>
    /// How many revisions of the family to keep ACTIVE (the current one included). Older revisions that no live
    /// deployment uses are deregistered and deleted.
    /// </summary>
    [DefaultValue(DefaultRevisionHistoryLimit)]
    [Range(1, 1000)]
    public int RevisionHistoryLimit { get; init; } = DefaultRevisionHistoryLimit;

    /// <summary>
    /// What happens to the family's revisions when this object is deleted: Delete deregisters and deletes the
    /// revisions no live deployment uses; Retain leaves them registered.
    /// </summary>
    [DefaultValue(DeletionPolicy.Delete)]
    public DeletionPolicy DeletionPolicy { get; init; } = DeletionPolicy.Delete;
}
