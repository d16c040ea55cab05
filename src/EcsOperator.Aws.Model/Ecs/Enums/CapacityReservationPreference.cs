namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>CapacityReservationPreference</c> enum; kept as strings so values AWS adds later still
/// deserialize.
/// </summary>
public static class CapacityReservationPreference
{
    public const string ReservationsOnly = "RESERVATIONS_ONLY";
    public const string ReservationsFirst = "RESERVATIONS_FIRST";
    public const string ReservationsExcluded = "RESERVATIONS_EXCLUDED";
}
