using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Kubernetes.Informer;

/// <summary>
/// The informer's thread-safe store, keyed by <see cref="ObjectKey"/>, with named secondary indexes (e.g.
/// "taskDefinitionRef" -> services referencing a task definition). Readers get immutable snapshots of objects.
/// </summary>
public sealed class InformerCache<T>
    where T : class, IKubernetesObject
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<ObjectKey, T> _items = [];
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, IndexEntry>> _indices = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _items.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds a named index; existing objects are indexed immediately.</summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(indexFunc);
        _lock.EnterWriteLock();
        try
        {
            if (!_indexers.TryAdd(name, indexFunc))
            {
                throw new InvalidOperationException($"index '{name}' already exists");
            }

            _indices[name] = new Dictionary<string, IndexEntry>(StringComparer.Ordinal);
            foreach (var (key, obj) in _items)
            {
                IndexLocked(name, indexFunc, key, obj);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public T? Get(ObjectKey key)
    {
        _lock.EnterReadLock();
        try
        {
            return _items.GetValueOrDefault(key);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>All cached objects, optionally of one namespace.</summary>
    public IReadOnlyList<T> List(string? ns = null)
    {
        _lock.EnterReadLock();
        try
        {
            return ns is null ? [.. _items.Values] : [.. _items.Where(p => p.Key.Namespace == ns).Select(p => p.Value)];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public IReadOnlyList<ObjectKey> Keys()
    {
        _lock.EnterReadLock();
        try
        {
            return [.. _items.Keys];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Objects whose index function returned <paramref name="value"/> for index <paramref name="indexName"/>.</summary>
    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_indices.TryGetValue(indexName, out var index))
            {
                throw new InvalidOperationException($"index '{indexName}' does not exist");
            }

            return index.TryGetValue(value, out var entry) ? [.. entry.Keys.Select(k => _items[k])] : [];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Keys of <see cref="ByIndex"/>.</summary>
    public IReadOnlyList<ObjectKey> KeysByIndex(string indexName, string value)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_indices.TryGetValue(indexName, out var index))
            {
                throw new InvalidOperationException($"index '{indexName}' does not exist");
            }

            return index.TryGetValue(value, out var entry) ? [.. entry.Keys] : [];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Inserts or replaces (the new object must not be read by anyone yet); returns the previous object.</summary>
    internal T? Upsert(T obj)
    {
        var key = ObjectKey.Of(obj);
        _lock.EnterWriteLock();
        try
        {
            _items.TryGetValue(key, out var old);
            if (old is not null)
            {
                UnindexLocked(key, old);
                // Before anyone can read the new version: it takes the old one's name, uid and unchanged maps, so
                // every holder of any version's strings holds one copy (ObjectMeta.ShareInstancesOf).
                obj.Metadata.ShareInstancesOf(old.Metadata);
            }

            _items[key] = obj;
            foreach (var (name, fn) in _indexers)
            {
                IndexLocked(name, fn, key, obj);
            }

            return old;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes; returns the removed object.</summary>
    internal T? Remove(ObjectKey key)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_items.Remove(key, out var old))
            {
                return null;
            }

            UnindexLocked(key, old);
            return old;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private void IndexLocked(string name, Func<T, IEnumerable<string>> fn, ObjectKey key, T obj)
    {
        var index = _indices[name];
        foreach (var value in fn(obj).Distinct(StringComparer.Ordinal))
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(index, value, out var exists);
            if (!exists)
            {
                entry = new IndexEntry(key, null);
            }
            else if (entry.Many is { } many)
            {
                many.Add(key);
            }
            else if (entry.One != key)
            {
                entry = new IndexEntry(default, [entry.One, key]);
            }
        }
    }

    private void UnindexLocked(ObjectKey key, T obj)
    {
        foreach (var (name, fn) in _indexers)
        {
            var index = _indices[name];
            foreach (var value in fn(obj))
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(index, value);
                if (Unsafe.IsNullRef(ref entry))
                {
                    continue;
                }

                if (entry.Many is { } many)
                {
                    // Back to a single key when one is left: most values (a task definition's referrers) have one.
                    if (many.Remove(key) && many.Count == 1)
                    {
                        entry = new IndexEntry(many.First(), null);
                    }
                }
                else if (entry.One == key)
                {
                    index.Remove(value);
                }
            }
        }
    }

    /// <summary>
    /// The keys of one index value, held in the index's own entry: one key inline (no set per value: at N = 5,000 every
    /// task definition has one referrer, and a one-element HashSet costs about 250 bytes), a set only from two on.
    /// </summary>
    private readonly record struct IndexEntry(ObjectKey One, HashSet<ObjectKey>? Many)
    {
        public IEnumerable<ObjectKey> Keys => Many ?? (IEnumerable<ObjectKey>)[One];
    }
}
