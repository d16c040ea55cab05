using System.Text.Json.Nodes;

namespace EcsOperator.Simulator.Model;

/// <summary>An ECS cluster as the simulator stores it.</summary>
internal sealed class SimCluster
{
    public required string Name { get; init; }

    public required string Arn { get; init; }

    public string Status { get; set; } = "ACTIVE";

    public SimTags Tags { get; set; } = new();

    public JsonArray Settings { get; set; } = [];

    public JsonObject? Configuration { get; set; }

    public List<string> CapacityProviders { get; set; } = [];

    public JsonArray DefaultCapacityProviderStrategy { get; set; } = [];

    public JsonObject? ServiceConnectDefaults { get; set; }

    /// <summary>ACTIVE container instances, in registration order.</summary>
    public List<SimContainerInstance> ContainerInstances { get; } = [];

    /// <summary>
    /// Whether EC2 tasks here must be placed on container instances: true once an instance was ever registered (or
    /// when the simulator requires instances everywhere). Before that, EC2 tasks run on unmodelled capacity, as
    /// the simulator always did.
    /// </summary>
    public bool ModelsCapacity { get; set; }
}
