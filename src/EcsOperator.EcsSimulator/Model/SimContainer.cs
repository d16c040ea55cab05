namespace EcsOperator.Simulator.Model;

/// <summary>One container of a task.</summary>
internal sealed class SimContainer
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public required string Arn { get; init; }

    public bool Essential { get; init; } = true;

    public string LastStatus { get; set; } = "PENDING";

    public int? ExitCode { get; set; }

    public string? Reason { get; set; }

    public string? Command { get; init; }
}
