namespace EcsOperator.Chaos.Tests;

/// <summary>Every kind of fault the campaign injects; the figures are counted per kind.</summary>
public enum FaultKind
{
    /// <summary>AWS answers ThrottlingException (HTTP 400) during a storm.</summary>
    AwsThrottle,

    /// <summary>AWS answers 500 / 503 during a burst.</summary>
    AwsServerError,

    /// <summary>AWS answers late (a latency spike).</summary>
    AwsLatency,

    /// <summary>AWS did the work, but the connection resets half-way through the response.</summary>
    AwsConnectionReset,

    /// <summary>Every watch connection is reset.</summary>
    KubeWatchDrop,

    /// <summary>History compacted and watches dropped: the next watch gets 410 Gone.</summary>
    KubeCompaction,

    /// <summary>A burst of 500 / 503 answers from the API server.</summary>
    KubeServerError,

    /// <summary>A burst of 429 answers with Retry-After.</summary>
    KubeTooManyRequests,

    /// <summary>Status writes refused with 409 Conflict.</summary>
    KubeStatusConflict,

    /// <summary>The API server unreachable for longer than the lease renew deadline.</summary>
    KubeApiDown,

    /// <summary>The store restored to an older snapshot: resourceVersions go backwards.</summary>
    KubeStoreRestore,

    /// <summary>kill -9 of the replica holding the lease.</summary>
    KillLeader,

    /// <summary>kill -9 of the standby replica.</summary>
    KillStandby,

    /// <summary>An outside edit in AWS (desired count changed behind the operator's back).</summary>
    AwsDrift,
}
