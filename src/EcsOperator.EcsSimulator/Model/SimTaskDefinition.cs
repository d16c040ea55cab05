using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Model;

/// <summary>One task-definition revision. <see cref="Body"/> holds the registered fields exactly as ECS echoes them.</summary>
internal sealed class SimTaskDefinition
{
    public required string Family { get; init; }

    public required int Revision { get; init; }

    public required string Arn { get; init; }

    /// <summary>Request fields with ECS defaults applied (containerDefinitions, networkMode, cpu, ...), without status fields.</summary>
    public required JsonObject Body { get; init; }

    public string Status { get; set; } = "ACTIVE";

    public DateTimeOffset RegisteredAt { get; init; }

    public DateTimeOffset? DeregisteredAt { get; set; }

    public DateTimeOffset? DeleteRequestedAt { get; set; }

    public SimTags Tags { get; set; } = new();

    public string? NetworkMode => Body["networkMode"]?.GetValue<string>();

    public IEnumerable<JsonObject> Containers => (Body["containerDefinitions"] as JsonArray ?? []).OfType<JsonObject>();
}
