using System.Globalization;
using EcsOperator.Kubernetes.Leader;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Kubernetes.Tests.Leader;

/// <summary>One lease with optimistic concurrency, shared by several electors (each through its own <see cref="View"/>).</summary>
public sealed class InMemoryLeaseStore
{
    private readonly Lock _lock = new();
    private Lease? _lease;
    private long _version;

    public List<(DateTimeOffset At, string? Holder)> HolderChanges { get; } = [];

    public Lease? Current
    {
        get
        {
            lock (_lock)
            {
                return _lease;
            }
        }
    }

    public View ViewFor(TimeProvider time) => new(this, time);

    /// <summary>An elector's connection to the store; can be partitioned (all calls fail).</summary>
    public sealed class View(InMemoryLeaseStore store, TimeProvider time) : ILeaseLock
    {
        public bool Partitioned { get; set; }

        public string Description => "test/lease";

        public Task<Lease?> GetAsync(CancellationToken cancellationToken)
        {
            Check();
            lock (store._lock)
            {
                return Task.FromResult(store._lease);
            }
        }

        public Task<Lease> CreateAsync(LeaseSpec spec, CancellationToken cancellationToken)
        {
            Check();
            lock (store._lock)
            {
                if (store._lease is not null)
                {
                    throw new AlreadyExistsException(409, new Status { Reason = "AlreadyExists" }, "exists");
                }

                return Task.FromResult(store.Write(spec));
            }
        }

        public Task<Lease> UpdateAsync(Lease current, LeaseSpec spec, CancellationToken cancellationToken)
        {
            Check();
            lock (store._lock)
            {
                if (store._lease?.Metadata.ResourceVersion != current.Metadata.ResourceVersion)
                {
                    throw new ConflictException(409, new Status { Reason = "Conflict" }, "stale");
                }

                return Task.FromResult(store.Write(spec));
            }
        }

        private void Check()
        {
            if (Partitioned)
            {
                throw new HttpRequestException("partitioned");
            }
        }

        internal TimeProvider Time => time;
    }

    private Lease Write(LeaseSpec spec)
    {
        _version++;
        if (_lease?.Spec?.HolderIdentity != spec.HolderIdentity)
        {
            HolderChanges.Add((spec.RenewTime ?? DateTimeOffset.MinValue, spec.HolderIdentity));
        }

        _lease = new Lease
        {
            Metadata = new ObjectMeta { Name = "lease", Namespace = "test", ResourceVersion = _version.ToString(CultureInfo.InvariantCulture) },
            Spec = spec,
        };
        return _lease;
    }
}
