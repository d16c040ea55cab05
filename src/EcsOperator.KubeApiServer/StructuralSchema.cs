using System.Text.Json.Nodes;

namespace EcsOperator.KubeApiServer;

/// <summary>
/// What kube-apiserver does with a structural openAPIV3Schema on every write of a custom resource: prune unknown
/// fields, drop non-nullable nulls, apply defaults (nested and in array items), then validate. CEL rules,
/// formats, allOf/anyOf/oneOf/not and list-type uniqueness are not evaluated.
/// </summary>
public static class StructuralSchema
{
    /// <summary>Prunes, defaults and validates <paramref name="obj"/> in place; returns the validation errors.</summary>
    /// <param name="obj">The object.</param>
    /// <param name="schema">Its openAPIV3Schema (read afresh on every call).</param>
    /// <param name="pruned">Receives the paths of the fields pruning removed, when given.</param>
    public static List<FieldError> Process(JsonObject obj, JsonObject schema, List<string>? pruned = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(schema);
        return new CompiledSchema(schema).Process(obj, pruned ?? []);
    }

    /// <summary>
    /// <see cref="Process"/> for a schema the server serves: read once per schema object and reused for every write
    /// (a served schema is the server's own copy and never changes).
    /// </summary>
    internal static List<FieldError> ProcessServed(JsonObject obj, JsonObject schema, List<string> pruned) =>
        CompiledSchema.For(schema).Process(obj, pruned);
}
