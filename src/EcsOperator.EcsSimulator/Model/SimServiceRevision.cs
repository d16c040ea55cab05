using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Model;

/// <summary>
/// The configuration a deployment rolls out (ECS "service revision"): everything whose change needs new tasks.
/// </summary>
internal sealed class SimServiceRevision
{
    public required string Arn { get; init; }

    public required SimTaskDefinition TaskDefinition { get; init; }

    public string? LaunchType { get; init; }

    public JsonArray? CapacityProviderStrategy { get; init; }

    public string? PlatformVersion { get; init; }

    public string? PlatformFamily { get; init; }

    public JsonObject? NetworkConfiguration { get; init; }

    public JsonArray LoadBalancers { get; init; } = [];

    public JsonArray ServiceRegistries { get; init; } = [];

    public JsonArray PlacementConstraints { get; init; } = [];

    public JsonArray PlacementStrategy { get; init; } = [];

    public JsonObject? ServiceConnectConfiguration { get; init; }

    public JsonArray? VolumeConfigurations { get; init; }

    public JsonArray? VpcLatticeConfigurations { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
