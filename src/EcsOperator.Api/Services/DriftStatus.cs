namespace EcsOperator.Api.Services;

/// <summary>Changes made to the AWS resource outside the operator.</summary>
public sealed record DriftStatus
{
    /// <summary>When the drift was first detected.</summary>
    public DateTimeOffset? DetectedAt { get; init; }

    /// <summary>The drifted fields, as spec paths (e.g. spec.desiredCount, spec.networkConfiguration.awsvpcConfiguration.subnets).</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Whether the operator changed AWS back to the spec (driftPolicy Correct) or only reported it (Report).</summary>
    public bool? Corrected { get; init; }

    /// <summary>When the drift was corrected.</summary>
    public DateTimeOffset? CorrectedAt { get; init; }
}
