using System.Text.Json.Serialization;

namespace EcsOperator.Api.Shared;

/// <summary>What the operator does when the AWS resource was changed outside the operator.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DriftPolicy>))]
public enum DriftPolicy
{
    /// <summary>Change it back to the spec and report the drift until corrected (the default).</summary>
    Correct,

    /// <summary>Only report the drift in <c>status.drift</c> and the <c>Drifted</c> condition; leave AWS as it is.</summary>
    Report,
}
