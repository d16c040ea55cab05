using System.Text.Json.Serialization;

namespace EcsOperator.Api.Shared;

/// <summary>What the operator does when an AWS resource of the same name already exists and is not tagged as ours.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AdoptionPolicy>))]
public enum AdoptionPolicy
{
    /// <summary>Refuse to touch it: the object stalls with reason <c>NotOwned</c> (the default).</summary>
    None,

    /// <summary>Take it over: tag it as owned by this object and reconcile it to the spec.</summary>
    Adopt,
}
