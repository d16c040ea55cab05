namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>TaskDefinitionFamilyStatus</c> enum (the status filter of ListTaskDefinitionFamilies); kept as
/// strings so values AWS adds later still deserialize.
/// </summary>
public static class TaskDefinitionFamilyStatus
{
    /// <summary>Families with at least one ACTIVE revision.</summary>
    public const string Active = "ACTIVE";

    /// <summary>Families without an ACTIVE revision.</summary>
    public const string Inactive = "INACTIVE";

    /// <summary>Both (the default).</summary>
    public const string All = "ALL";
}
