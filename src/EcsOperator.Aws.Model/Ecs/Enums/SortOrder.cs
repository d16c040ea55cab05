namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// Values of the AWS <c>SortOrder</c> enum; kept as strings so values AWS adds later still deserialize.
/// </summary>
public static class SortOrder
{
    public const string Asc = "ASC";
    public const string Desc = "DESC";
}
