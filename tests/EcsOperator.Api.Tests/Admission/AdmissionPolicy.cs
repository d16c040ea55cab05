using System.Text.Json.Nodes;
using EcsOperator.Api.Tests.Support;
using EcsOperator.Testing;
using EcsOperator.KubeApiServer;

namespace EcsOperator.Api.Tests.Admission;

/// <summary>
/// Evaluates a ValidatingAdmissionPolicy from deploy/tenancy the way the API server does for one param: variables in
/// order (each may use the earlier ones), then every validation; a false validation yields its message (the
/// messageExpression's value when there is one).
/// </summary>
internal sealed class AdmissionPolicy
{
    private readonly JsonNode _spec;

    private AdmissionPolicy(JsonNode spec) => _spec = spec;

    public static AdmissionPolicy Load(string file, string name)
    {
        var documents = YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "tenancy", file)));
        var policy = documents.Single(d => d!["kind"]!.GetValue<string>() == "ValidatingAdmissionPolicy" && d["metadata"]!["name"]!.GetValue<string>() == name)!;
        return new AdmissionPolicy(policy["spec"]!);
    }

    public static IReadOnlyList<JsonNode> Documents(string file) =>
        [.. YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "tenancy", file))).Select(d => d!)];

    /// <summary>The messages of the failing validations (empty: admitted).</summary>
    /// <param name="oldObject">The stored object of an UPDATE (null: a CREATE).</param>
    public IReadOnlyList<string> Evaluate(
        JsonNode obj, string @namespace, IReadOnlyDictionary<string, string> namespaceLabels, JsonNode? param = null, JsonNode? oldObject = null)
    {
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        var bindings = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["object"] = Cel.FromJson(obj),
            ["oldObject"] = Cel.FromJson(oldObject),
            ["params"] = Cel.FromJson(param),
            ["namespaceObject"] = Cel.FromJson(new JsonObject
            {
                ["metadata"] = new JsonObject
                {
                    ["name"] = @namespace,
                    ["labels"] = new JsonObject([.. namespaceLabels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]),
                },
            }),
            ["request"] = Cel.FromJson(new JsonObject
            {
                ["namespace"] = @namespace,
                ["kind"] = new JsonObject { ["group"] = "ecs.operator.dev", ["version"] = "v1alpha1", ["kind"] = obj["kind"]!.GetValue<string>() },
                ["operation"] = oldObject is null ? "CREATE" : "UPDATE",
            }),
            ["variables"] = variables,
        };
        foreach (var variable in _spec["variables"]?.AsArray() ?? [])
        {
            variables[variable!["name"]!.GetValue<string>()] = Cel.Parse(variable["expression"]!.GetValue<string>()).Evaluate(bindings);
        }

        var messages = new List<string>();
        foreach (var validation in _spec["validations"]!.AsArray())
        {
            if (Cel.Parse(validation!["expression"]!.GetValue<string>()).Evaluate(bindings) is not false)
            {
                continue;
            }

            messages.Add(validation["messageExpression"] is { } messageExpression
                ? (string)Cel.Parse(messageExpression.GetValue<string>()).Evaluate(bindings)!
                : validation["message"]!.GetValue<string>());
        }

        return messages;
    }
}
