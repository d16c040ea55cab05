namespace EcsOperator.Kubernetes.Informer;

/// <summary>
/// One shared instance per distinct short string the informer caches decode (namespaces, apiVersion, kind, label
/// keys, finalizers, condition types, reasons and messages, launch types ...), so thousands of cached objects do not
/// each hold their own copy. Bounded: values live in two generations of <see cref="Capacity"/>/2 each; when the recent
/// one is full it becomes the older one and the previous older one is dropped, so values seen once (names, uids,
/// resourceVersions) never pile up, while a value seen again while it is still held moves to the recent generation and
/// stays the one shared instance.
/// </summary>
public sealed class StringPool
{
    /// <summary>Longer strings (ARNs with unique ids, images, long messages) are rarely shared: kept as decoded.</summary>
    public const int MaxLength = 128;

    private readonly Lock _lock = new();
    private readonly int _generationSize;
    private Dictionary<string, string> _recent;
    private Dictionary<string, string> _older;

    /// <param name="capacity">
    /// Values held at most. The default keeps each generation's table (allocated once at its full size, never grown)
    /// below the large object heap's 85,000 bytes, so a generation that is dropped is ordinary young garbage.
    /// </param>
    public StringPool(int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        _generationSize = capacity / 2;
        _recent = NewGeneration();
        _older = NewGeneration();
    }

    /// <summary>How many values it holds at most.</summary>
    public int Capacity { get; }

    /// <summary>Values held now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _recent.Count + _older.Count;
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
            if (_recent.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var shared))
            {
                return shared;
            }

            if (!_older.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out shared))
            {
                shared = new string(value);
            }

            AddLocked(shared);
            return shared;
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
            if (_recent.TryGetValue(value, out var shared))
            {
                return shared;
            }

            shared = _older.TryGetValue(value, out var older) ? older : value;
            AddLocked(shared);
            return shared;
        }
    }

    /// <summary>Adds to the recent generation (a value found in the older one moves up, so it outlives the next turn).</summary>
    private void AddLocked(string value)
    {
        if (_recent.Count >= _generationSize)
        {
            _older = _recent;
            _recent = NewGeneration();
        }

        _recent.Add(value, value);
    }

    private Dictionary<string, string> NewGeneration() => new(_generationSize, StringComparer.Ordinal);
}
