namespace EcsOperator.Deploy.Tests.Kustomize;

/// <summary>Lookups over a rendered set of manifests.</summary>
public sealed class Rendered(IReadOnlyList<JsonObject> objects)
{
    public IReadOnlyList<JsonObject> Objects { get; } = objects;

    public IEnumerable<JsonObject> OfKind(string kind) => Objects.Where(o => o["kind"]?.GetValue<string>() == kind);

    public JsonObject Single(string kind, string? name = null)
    {
        var matches = OfKind(kind).Where(o => name is null || Name(o) == name).ToList();
        Assert.True(matches.Count == 1, $"expected exactly one {kind}{(name is null ? "" : " " + name)}, found {matches.Count}");
        return matches[0];
    }

    public static string Name(JsonNode obj) => obj["metadata"]!["name"]!.GetValue<string>();

    public static string? Namespace(JsonNode obj) => obj["metadata"]!["namespace"]?.GetValue<string>();

    public JsonObject Deployment => Single("Deployment", "ecs-operator");

    public JsonObject PodSpec => Deployment["spec"]!["template"]!["spec"]!.AsObject();

    public JsonObject Container => PodSpec["containers"]!.AsArray().Single()!.AsObject();

    public IReadOnlyList<string> Args => Container["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
}
