using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EcsOperator.Kubernetes.Informer;

/// <summary>
/// One informer per resource type, shared by every controller that reads or watches it (so the task-definition
/// cache is filled once, whether it is a primary or a secondary kind). <see cref="RunAsync"/> starts them all.
/// </summary>
public sealed class SharedInformerFactory(IKubernetesClient client, InformerOptions? defaults = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null,
    InformerDecoding? decoding = null)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ResourceType, IInformer> _informers = [];
    private readonly HashSet<IInformer> _started = [];
    private readonly StringPool _strings = new();
    private readonly Dictionary<JsonSerializerOptions, JsonSerializerOptions> _pooledOptions = new(ReferenceEqualityComparer.Instance);
    private CancellationToken? _running;

    /// <summary>The informer for <paramref name="type"/>, created on first use with <paramref name="options"/> (or the defaults).</summary>
    public Informer<T> For<T>(ResourceType type, JsonTypeInfo<T> typeInfo, InformerOptions? options = null)
        where T : class, IKubernetesObject
    {
        lock (_lock)
        {
            if (_informers.TryGetValue(type, out var existing))
            {
                return existing as Informer<T> ?? throw new InvalidOperationException($"informer for {type} was created for another CLR type");
            }

            options ??= defaults ?? new InformerOptions();
            if (!type.Namespaced)
            {
                options = options with { Namespaces = null }; // cluster-scoped kinds are listed as a whole
            }

            // Every cached object's strings come from one pool: namespaces, kinds, condition texts ... are held once.
            // One pooled copy per source options (all our kinds share ApiJsonContext's): each copy holds its own metadata.
            if (!_pooledOptions.TryGetValue(typeInfo.Options, out var pooled))
            {
                _pooledOptions[typeInfo.Options] = pooled = PooledStringConverter.Pooled(typeInfo.Options, _strings, decoding);
            }

            var pooledTypeInfo = (JsonTypeInfo<T>)pooled.GetTypeInfo(typeof(T));
            var informer = new Informer<T>(client.Resource(type, pooledTypeInfo), options, timeProvider,
                (ILogger?)loggerFactory?.CreateLogger($"EcsOperator.Kubernetes.Informer.{type.Kind}") ?? NullLogger.Instance, type.Kind);
            _informers[type] = informer;
            if (_running is { } token)
            {
                Start(informer, token);
            }

            return informer;
        }
    }

    public IReadOnlyCollection<IInformer> Informers
    {
        get
        {
            lock (_lock)
            {
                return [.. _informers.Values];
            }
        }
    }

    /// <summary>Runs all informers (including ones created later) until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _running = cancellationToken;
            foreach (var informer in _informers.Values)
            {
                Start(informer, cancellationToken);
            }
        }

        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Waits until every informer created so far has synced.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Informers.Select(i => i.WaitForSyncAsync(cancellationToken)));

    private void Start(IInformer informer, CancellationToken cancellationToken)
    {
        if (_started.Add(informer))
        {
            _ = Task.Run(() => informer.RunAsync(cancellationToken), CancellationToken.None);
        }
    }
}
