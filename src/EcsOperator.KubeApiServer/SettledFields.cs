namespace EcsOperator.KubeApiServer;

/// <summary>
/// The top-level fields of a write that are copied unchanged from a stored object the same schema already pruned,
/// defaulted and validated: processing them again would remove, add and find nothing, so <see cref="CompiledSchema"/>
/// skips them (a status write re-sends the whole spec; a main-resource write carries the stored status).
/// </summary>
internal readonly struct SettledFields
{
    private readonly string? _field;
    private readonly bool _allBut;

    private SettledFields(string field, bool allBut)
    {
        _field = field;
        _allBut = allBut;
    }

    /// <summary>Nothing is settled: every field is processed.</summary>
    public static SettledFields None => default;

    /// <summary>Only <paramref name="field"/> is settled.</summary>
    public static SettledFields Only(string field) => new(field, allBut: false);

    /// <summary>Every field but <paramref name="field"/> is settled.</summary>
    public static SettledFields AllBut(string field) => new(field, allBut: true);

    public bool Contains(string key) => _field is not null && (key == _field) != _allBut;
}
