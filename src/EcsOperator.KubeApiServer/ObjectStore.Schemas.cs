using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// Schema processing of writes, and which compiled schema each stored object came out of: a write that copies
/// top-level fields from such an object (a status write re-sends the stored spec, a main-resource write the stored
/// status) skips processing them again, since that would remove, add and find nothing.
/// </summary>
internal sealed partial class ObjectStore
{
    /// <summary>Stored objects that passed their kind's schema, by the schema. Objects stored any other way (deletion, restore) are absent and processed in full.</summary>
    private readonly ConditionalWeakTable<JsonObject, CompiledSchema> _processedBy = new();

    /// <summary>
    /// Prunes, defaults and validates <paramref name="obj"/> with <paramref name="type"/>'s schema (pruned fields go to
    /// <paramref name="options"/>), leaving alone the fields <paramref name="copied"/> from <paramref name="old"/> when
    /// <paramref name="old"/> came out of the same schema. Returns whether they were left alone.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ProcessSchema(ServedResource type, JsonObject obj, JsonObject? old, SettledFields copied, WriteOptions options, List<FieldError> errors)
    {
        if (type.Schema is null)
        {
            return false;
        }

        var schema = CompiledSchema.For(type.Schema);
        var settled = old is not null && _processedBy.TryGetValue(old, out var processedBy) && ReferenceEquals(processedBy, schema);
        var pruned = new List<string>();
        errors.AddRange(schema.Process(obj, pruned, settled ? copied : SettledFields.None));
        options.OnUnknownFields(pruned);
        return settled;
    }

    /// <summary>Records that <paramref name="stored"/> (about to be stored) passed <paramref name="type"/>'s schema.</summary>
    private void MarkProcessed(ServedResource type, JsonObject stored)
    {
        if (type.Schema is not null)
        {
            _processedBy.AddOrUpdate(stored, CompiledSchema.For(type.Schema));
        }
    }
}
