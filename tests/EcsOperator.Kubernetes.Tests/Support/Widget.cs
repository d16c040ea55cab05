using System.Text.Json.Serialization;
using EcsOperator.Kubernetes.Model;
using EcsOperator.Kubernetes.Rest;

namespace EcsOperator.Kubernetes.Tests.Support;

/// <summary>A small custom resource for client tests (required spec, like the operator's CRDs).</summary>
public sealed record Widget : IKubernetesObject
{
    public static readonly ResourceType Type = new("test.example.com", "v1", "widgets", "Widget", Namespaced: true);

    public string ApiVersion { get; init; } = "test.example.com/v1";

    public string Kind { get; init; } = "Widget";

    public ObjectMeta Metadata { get; init; } = new();

    public required WidgetSpec Spec { get; init; }

    public WidgetStatus? Status { get; init; }

    public static Widget New(string name, int size = 1, string ns = "default", IReadOnlyDictionary<string, string>? labels = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = labels },
        Spec = new WidgetSpec { Size = size },
    };
}

public sealed record WidgetSpec
{
    public int Size { get; init; }

    public string? Color { get; init; }

    /// <summary>Name of another widget this one depends on (for secondary-watch tests).</summary>
    public string? PartOf { get; init; }
}

public sealed record WidgetStatus
{
    public string? Phase { get; init; }

    public long? ObservedGeneration { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Widget))]
public sealed partial class TestJsonContext : JsonSerializerContext;
