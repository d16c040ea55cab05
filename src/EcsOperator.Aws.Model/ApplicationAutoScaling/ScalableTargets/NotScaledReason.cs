namespace EcsOperator.Aws.Model.ApplicationAutoScaling;

/// <summary>
/// Describes the reason for an activity that isn't scaled ( not scaled activity ), in machine-readable format.
/// </summary>
public sealed record NotScaledReason
{
    public string? Code { get; init; }

    public int? MaxCapacity { get; init; }

    public int? MinCapacity { get; init; }

    public int? CurrentCapacity { get; init; }
}
