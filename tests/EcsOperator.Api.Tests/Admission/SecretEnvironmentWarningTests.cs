using System.Text.Json.Nodes;

namespace EcsOperator.Api.Tests.Admission;

/// <summary>The warning-only admission policy for secret-looking names in plain <c>environment</c>.</summary>
public sealed class SecretEnvironmentWarningTests
{
    private static readonly AdmissionPolicy Policy = AdmissionPolicy.Load("secret-env-warning.yaml", "ecs-operator-secret-env");

    private static IReadOnlyList<string> Warnings(string kind, string spec) => Policy.Evaluate(
        JsonNode.Parse($$"""{"apiVersion": "ecs.operator.dev/v1alpha1", "kind": "{{kind}}", "metadata": {"name": "web"}, "spec": {{spec}}}""")!,
        "shop",
        new Dictionary<string, string>());

    private static string Environment(string name) =>
        $$"""{"containerDefinitions": [{"name": "web", "environment": [{"name": "LOG_LEVEL", "value": "info"}, {"name": "{{name}}", "value": "x"}]}]}""";

    [Theory]
    [InlineData("DB_PASSWORD")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("STRIPE_API_KEY")]
    [InlineData("apikey")]
    [InlineData("CLIENT_SECRET")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    public void Secret_looking_environment_names_get_a_warning_pointing_to_secrets_value_from(string name)
    {
        var warning = Assert.Single(Warnings("EcsTaskDefinition", Environment(name)));
        Assert.Contains("secrets[].valueFrom", warning, StringComparison.Ordinal);
        Assert.Single(Warnings("EcsService", $$"""{"taskDefinitionTemplate": {{Environment(name)}}}"""));
        Assert.Single(Warnings("EcsTask", $$$"""{"overrides": {"containerOverrides": [{"name": "web", "environment": [{"name": "{{{name}}}", "value": "x"}]}]}}"""));
    }

    [Theory]
    [InlineData("LOG_LEVEL")]
    [InlineData("PORT")]
    [InlineData("SPRING_PROFILES_ACTIVE")]
    public void Ordinary_names_and_secrets_from_value_from_get_none(string name)
    {
        Assert.Empty(Warnings("EcsTaskDefinition", Environment(name)));
        Assert.Empty(Warnings("EcsTaskDefinition",
            """{"containerDefinitions": [{"name": "web", "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db"}]}]}"""));
    }

    [Fact]
    public void It_only_warns()
    {
        var binding = AdmissionPolicy.Documents("secret-env-warning.yaml").Single(d => d["kind"]!.GetValue<string>() == "ValidatingAdmissionPolicyBinding");
        Assert.Equal(["Warn"], binding["spec"]!["validationActions"]!.AsArray().Select(a => a!.GetValue<string>()));
    }
}
