namespace EcsOperator.Chaos.Tests;

/// <summary>
/// Keeps two replicas running as a Deployment would: a replica that exits (after losing its lease) or is killed is
/// started again, after a restart delay, under a new identity generation.
/// </summary>
public sealed class ReplicaSupervisor : IAsyncDisposable
{
    private readonly string _operatorDll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logDirectory;
    private readonly OperatorReplica?[] _replicas = new OperatorReplica?[2];
    private readonly DateTimeOffset[] _restartAt = new DateTimeOffset[2];
    private readonly int[] _generation = new int[2];
    private readonly Lock _gate = new();

    public ReplicaSupervisor(string operatorDll, IReadOnlyDictionary<string, string> environment, string logDirectory)
    {
        _operatorDll = operatorDll;
        _environment = environment;
        _logDirectory = logDirectory;
    }

    public int Starts { get; private set; }

    /// <summary>Starts missing replicas whose restart delay has passed.</summary>
    public async Task KeepRunningAsync()
    {
        for (var i = 0; i < _replicas.Length; i++)
        {
            OperatorReplica? exited = null;
            lock (_gate)
            {
                var replica = _replicas[i];
                if (replica is not null && !replica.HasExited)
                    continue;
                if (replica is not null)
                {
                    exited = replica;
                    _replicas[i] = null;
                    if (_restartAt[i] < DateTimeOffset.UtcNow)
                        _restartAt[i] = DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300);
                }

                if (DateTimeOffset.UtcNow >= _restartAt[i] && _replicas[i] is null)
                {
                    _generation[i]++;
                    var identity = $"replica-{(char)('a' + i)}-{_generation[i]}";
                    _replicas[i] = OperatorReplica.Start(_operatorDll, identity, _environment, Path.Combine(_logDirectory, identity + ".log"));
                    Starts++;
                }
            }

            if (exited is not null)
                await exited.DisposeAsync();
        }
    }

    /// <summary>kill -9 of the replica with this identity; it is started again after <paramref name="restartAfter"/>.</summary>
    public async Task<bool> KillAsync(string identity, TimeSpan restartAfter)
    {
        OperatorReplica? victim = null;
        lock (_gate)
        {
            for (var i = 0; i < _replicas.Length; i++)
            {
                if (_replicas[i] is { } r && r.Identity == identity)
                {
                    victim = r;
                    _replicas[i] = null;
                    _restartAt[i] = DateTimeOffset.UtcNow + restartAfter;
                }
            }
        }

        if (victim is null)
            return false;
        await victim.DisposeAsync();
        return true;
    }

    /// <summary>Identities of the replicas currently running.</summary>
    public IReadOnlyList<string> Running()
    {
        lock (_gate)
            return [.. _replicas.Where(r => r is { HasExited: false }).Select(r => r!.Identity)];
    }

    public async ValueTask DisposeAsync()
    {
        OperatorReplica?[] all;
        lock (_gate)
        {
            all = [.. _replicas];
            Array.Clear(_replicas);
        }

        foreach (var replica in all)
        {
            if (replica is not null)
                await replica.DisposeAsync();
        }
    }
}
