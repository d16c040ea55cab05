namespace EcsOperator.Kubernetes.Informer;

/// <summary>
/// One shared instance per distinct short string the informer caches decode (namespaces, apiVersion, kind, label
/// keys, finalizers, condition types, reasons and messages, launch types ...), so thousands of cached objects do not
/// each hold their own copy. Bounded: when it holds <see cref="Capacity"/> values it starts over, so values seen once
/// (names, uids, resourceVersions) never pile up; values that repeat are back after their next occurrence.
/// </summary>
public sealed class StringPool
{
    /// <summary>Longer strings (ARNs with unique ids, images, long messages) are rarely shared: kept as decoded.</summary>
    public const int MaxLength = 128;

    private readonly Lock _lock = new();
    private Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public StringPool(int capacity = 8192)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>How many values it holds at most before it starts over.</summary>
    public int Capacity { get; }

    /// <summary>Values held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _strings.Count;
            }
        }
    }

    /// <summary>The shared instance equal to <paramref name="value"/>, allocating a string only for a value not held.</summary>
    public string Intern(ReadOnlySpan<char> value)
    {
        if (value.Length > MaxLength)
        {
            return new string(value);
        }

        lock (_lock)
        {
            if (_strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var shared))
            {
                return shared;
            }

            var added = new string(value);
            AddLocked(added);
            return added;
        }
    }

    /// <summary>The shared instance equal to <paramref name="value"/>; <paramref name="value"/> itself becomes it when none is held.</summary>
    public string Intern(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > MaxLength)
        {
            return value;
        }

        lock (_lock)
        {
            if (_strings.TryGetValue(value, out var shared))
            {
                return shared;
            }

            AddLocked(value);
            return value;
        }
    }

    private void AddLocked(string value)
    {
        if (_strings.Count >= Capacity)
        {
            // Starting over (rather than evicting one by one) costs nothing per lookup; what objects already share stays shared.
            _strings = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        _strings.Add(value, value);
    }
}
