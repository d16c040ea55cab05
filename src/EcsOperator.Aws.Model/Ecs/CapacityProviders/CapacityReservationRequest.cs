using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The Capacity Reservation configurations to be used when using the RESERVED capacity option type.
/// </summary>
public sealed record CapacityReservationRequest
{
    /// <summary>
    /// The ARN of the Capacity Reservation resource group in which to run the instance.
    /// </summary>
    public string? ReservationGroupArn { get; init; }

    /// <summary>
    /// The preference on when capacity reservations should be used. Valid values are: RESERVATIONS_ONLY - Exclusively
    /// launch instances into capacity reservations that match the instance requirements configured for the capacity
    /// provider.
    /// </summary>
    [AllowedValues("RESERVATIONS_ONLY", "RESERVATIONS_FIRST", "RESERVATIONS_EXCLUDED")]
    public string? ReservationPreference { get; init; }
}
