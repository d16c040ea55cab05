using System.Text.Json.Serialization;

namespace EcsOperator.Kubernetes.Model;

/// <summary>metav1.ObjectMeta: the fields the operator reads or writes.</summary>
public sealed record ObjectMeta
{
    // The identity fields and the maps have backing fields of their own so that ShareInstancesOf can point a fresh
    // decode at the instances an earlier version of the same object already holds.
    private string? _name;
    private string? _namespace;
    private string? _uid;
    private IReadOnlyDictionary<string, string>? _labels;
    private IReadOnlyDictionary<string, string>? _annotations;
    private IReadOnlyList<string>? _finalizers;
    private IReadOnlyList<OwnerReference>? _ownerReferences;

    public string? Name { get => _name; init => _name = value; }

    public string? GenerateName { get; init; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get => _namespace; init => _namespace = value; }

    public string? Uid { get => _uid; init => _uid = value; }

    public string? ResourceVersion { get; init; }

    public long? Generation { get; init; }

    public DateTimeOffset? CreationTimestamp { get; init; }

    public DateTimeOffset? DeletionTimestamp { get; init; }

    public long? DeletionGracePeriodSeconds { get; init; }

    public IReadOnlyDictionary<string, string>? Labels { get => _labels; init => _labels = value; }

    public IReadOnlyDictionary<string, string>? Annotations { get => _annotations; init => _annotations = value; }

    public IReadOnlyList<string>? Finalizers { get => _finalizers; init => _finalizers = value; }

    public IReadOnlyList<OwnerReference>? OwnerReferences { get => _ownerReferences; init => _ownerReferences = value; }

    /// <summary>
    /// Makes this metadata hold <paramref name="previous"/>'s instances of the values both have equal: name,
    /// namespace and uid (when the uid is the same: the same object), and labels, annotations, finalizers and owner
    /// references whose content is unchanged. Values stay equal, so nothing a reader compares or prints changes; what
    /// changes is that the strings every long-lived holder took from any version of one object (cache and queue keys,
    /// event series, verified revisions) are one copy, not one per decode. Only for metadata nobody else reads yet (an
    /// informer's fresh decode before it is cached): the fields are written in place.
    /// </summary>
    internal void ShareInstancesOf(ObjectMeta previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (ReferenceEquals(this, previous) || _uid is null || !string.Equals(_uid, previous._uid, StringComparison.Ordinal))
            return;
        _uid = previous._uid;
        _name = SameOrThis(_name, previous._name);
        _namespace = SameOrThis(_namespace, previous._namespace);
        if (SameEntries(_labels, previous._labels))
            _labels = previous._labels;
        if (SameEntries(_annotations, previous._annotations))
            _annotations = previous._annotations;
        if (SameItems(_finalizers, previous._finalizers, StringComparer.Ordinal))
            _finalizers = previous._finalizers;
        if (SameItems(_ownerReferences, previous._ownerReferences, EqualityComparer<OwnerReference>.Default))
            _ownerReferences = previous._ownerReferences;
    }

    private static string? SameOrThis(string? value, string? previous) =>
        string.Equals(value, previous, StringComparison.Ordinal) ? previous : value;

    private static bool SameItems<T>(IReadOnlyList<T>? list, IReadOnlyList<T>? previous, IEqualityComparer<T> comparer) =>
        list is not null && previous is not null && list.SequenceEqual(previous, comparer);

    private static bool SameEntries(IReadOnlyDictionary<string, string>? map, IReadOnlyDictionary<string, string>? previous)
    {
        if (map is null || previous is null || map.Count != previous.Count)
            return false;
        foreach (var (key, value) in map)
        {
            if (!previous.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
                return false;
        }

        return true;
    }
}
