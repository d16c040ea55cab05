using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
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
    // Nullable rather than initialized: the JSON source generator resets unset init-only members of types with
    // required members to default(T), so an initializer of 10 would read back as 0. The API server fills in 10.
    [DefaultValue(DefaultRevisionHistoryLimit)]
    [Range(1, 1000)]
    public int? RevisionHistoryLimit { get; init; }

    /// <summary><see cref="RevisionHistoryLimit"/> with its default applied.</summary>
    [JsonIgnore]
    public int EffectiveRevisionHistoryLimit => RevisionHistoryLimit ?? DefaultRevisionHistoryLimit;

    /// <summary>
    /// What happens to the family's revisions when this object is deleted: Delete deregisters and deletes the
    /// revisions no live deployment uses; Retain leaves them registered.
    /// </summary>
    // Policy defaults are the enums' zero values, so they hold even where the serializer skips initializers.
    [DefaultValue(DeletionPolicy.Delete)]
    public DeletionPolicy DeletionPolicy { get; init; } = DeletionPolicy.Delete;
}
