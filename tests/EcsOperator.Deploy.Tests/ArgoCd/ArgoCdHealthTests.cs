using System.Text.Json;
using EcsOperator.Api;
using EcsOperator.Api.Shared;
using EcsOperator.Core.Conditions;
using EcsOperator.KubeApiServer;

namespace EcsOperator.Deploy.Tests.ArgoCd;

/// <summary>deploy/argocd/health.lua, run with lua5.4 on recorded objects and on conditions the operator computes.</summary>
public sealed class ArgoCdHealthTests
{
    private static readonly string ArgoCdDirectory = Path.Combine(RepoPaths.Root, "deploy", "argocd");

    public static TheoryData<string> RecordedCases => new(
        ((JsonArray)YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(ArgoCdDirectory, "health_test.yaml"))).Single()!["tests"]!)
        .Select(t => t!["inputPath"]!.GetValue<string>()));

    [Theory]
    [MemberData(nameof(RecordedCases))]
    public async Task Recorded_object_gets_the_expected_health(string inputPath)
    {
        var expected = ((JsonArray)YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(ArgoCdDirectory, "health_test.yaml"))).Single()!["tests"]!)
            .Single(t => t!["inputPath"]!.GetValue<string>() == inputPath)!["healthStatus"]!;
        var obj = YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(ArgoCdDirectory, inputPath))).Single();

        var health = await LuaHealthRunner.RunAsync(obj!);

        Assert.Equal(expected["status"]!.GetValue<string>(), health.Status);
        Assert.Equal(expected["message"]!.GetValue<string>(), health.Message);
    }

    [Fact]
    public void The_recorded_cases_cover_every_kind_and_every_health_status()
    {
        var tests = ((JsonArray)YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(ArgoCdDirectory, "health_test.yaml"))).Single()!["tests"]!);
        var statuses = tests.Select(t => t!["healthStatus"]!["status"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "Healthy", "Progressing", "Degraded", "Missing" }, statuses);
        var kinds = tests.Select(t => YamlToJson.ParseDocuments(File.ReadAllText(Path.Combine(ArgoCdDirectory, t!["inputPath"]!.GetValue<string>()))).Single()!["kind"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(Kinds.All.Select(k => k.Kind).ToHashSet(), kinds);
        var files = Directory.EnumerateFiles(Path.Combine(ArgoCdDirectory, "testdata")).Select(f => "testdata/" + Path.GetFileName(f)).Order(StringComparer.Ordinal);
        Assert.Equal(files, tests.Select(t => t!["inputPath"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, string> StatesAndHealth => new()
    {
        { "Ready", "Healthy" },
        { "Creating", "Progressing" },
        { "RolloutInProgress", "Progressing" },
        { "Retrying", "Progressing" },
        { "InvalidSpec", "Degraded" },
        { "AccessDenied", "Degraded" },
        { "NotOwned", "Degraded" },
        { "RolloutFailed", "Degraded" },
        { "DependencyNotFound", "Degraded" },
        { "ImmutableFieldChanged", "Degraded" },
        { "Deleting", "Progressing" },
    };

    /// <summary>Conditions as the operator writes them (ConditionsCalculator), for each reconcile outcome.</summary>
    [Theory]
    [MemberData(nameof(StatesAndHealth))]
    public async Task Conditions_the_operator_computes_map_to_the_argo_cd_health(string outcome, string expected)
    {
        const string message = "what the reconciler said";
        ReconcileState state = outcome switch
        {
            "Ready" => new ReconcileState.Ready(message),
            "Creating" => new ReconcileState.Progressing(ConditionReasons.Creating, message),
            "RolloutInProgress" => new ReconcileState.Progressing(ConditionReasons.RolloutInProgress, message),
            "Retrying" => new ReconcileState.Retrying(message),
            "Deleting" => new ReconcileState.Deleting(message),
            _ => new ReconcileState.Stalled(outcome, message),
        };
        // After a Ready reconcile, so that Retrying keeps the previous Ready=True as the calculator does.
        var previous = ConditionsCalculator.Compute(null, new ReconcileState.Ready("earlier"), null, 3, DateTimeOffset.UnixEpoch);
        var conditions = ConditionsCalculator.Compute(previous, state, null, 3, DateTimeOffset.UnixEpoch.AddMinutes(1));

        foreach (var kind in Kinds.All)
        {
            var health = await LuaHealthRunner.RunAsync(ObjectWith(kind.Kind, generation: 3, observedGeneration: 3, conditions));
            Assert.Equal(expected, health.Status);
            if (expected == "Degraded")
                Assert.Equal($"{outcome}: {message}", health.Message);
        }
    }

    [Fact]
    public async Task A_status_for_an_older_generation_is_progressing_even_when_ready()
    {
        var conditions = ConditionsCalculator.Compute(null, new ReconcileState.Ready("fine"), null, 4, DateTimeOffset.UnixEpoch);
        var health = await LuaHealthRunner.RunAsync(ObjectWith("EcsService", generation: 5, observedGeneration: 4, conditions));
        Assert.Equal(new HealthStatus("Progressing", "Waiting for the operator to observe generation 5"), health);
    }

    [Fact]
    public async Task Reported_drift_stays_healthy_and_says_which_fields()
    {
        var conditions = ConditionsCalculator.Compute(null, new ReconcileState.Ready("fine"), new DriftObservation(["desiredCount"], Corrected: false), 2, DateTimeOffset.UnixEpoch);
        var health = await LuaHealthRunner.RunAsync(ObjectWith("EcsService", generation: 2, observedGeneration: 2, conditions));
        Assert.Equal("Healthy", health.Status);
        Assert.Contains("desiredCount", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blue_green_deployment_in_bake_time_is_progressing_until_ecs_finishes_it()
    {
        var deployment = new EcsOperator.Aws.Model.Ecs.ServiceDeployment
        {
            ServiceDeploymentArn = "arn:aws:ecs:eu-west-1:123456789012:service-deployment/prod/web/r9i43YFjvgF_xlg7m2eJ1r",
            Status = "IN_PROGRESS",
            LifecycleStage = "BAKE_TIME",
            UpdatedAt = DateTimeOffset.UnixEpoch,
            DeploymentConfiguration = new EcsOperator.Aws.Model.Ecs.DeploymentConfiguration { Strategy = "BLUE_GREEN", BakeTimeInMinutes = 15 },
            TargetServiceRevision = new EcsOperator.Aws.Model.Ecs.ServiceRevisionSummary { RequestedProductionTrafficWeight = 100, RequestedTestTrafficWeight = 100 },
        };
        var baking = EcsOperator.Core.Services.Deployments.ServiceDeploymentProgress.Observe(deployment, null);
        var done = EcsOperator.Core.Services.Deployments.ServiceDeploymentProgress.Observe(deployment with { Status = "SUCCESSFUL", LifecycleStage = "CLEAN_UP" }, baking.Rollout);

        async Task<HealthStatus> HealthOf(EcsOperator.Core.Services.Deployments.ServiceDeploymentObservation observed)
        {
            var obj = ObjectWith("EcsService", 2, 2, ConditionsCalculator.Compute(null, observed.State, null, 2, DateTimeOffset.UnixEpoch));
            obj["status"]!["rollout"] = JsonSerializer.SerializeToNode(observed.Rollout, ApiJsonContext.Default.RolloutStatus);
            return await LuaHealthRunner.RunAsync(obj);
        }

        var bakingHealth = await HealthOf(baking);
        var doneHealth = await HealthOf(done);

        Assert.Equal("Progressing", bakingHealth.Status);
        Assert.StartsWith("BAKE_TIME: 100% production traffic on the new revision, baking until 1970-01-01T00:15:00", bakingHealth.Message, StringComparison.Ordinal);
        Assert.Equal("Healthy", doneHealth.Status);
    }

    [Fact]
    public async Task An_object_without_status_is_missing()
    {
        var health = await LuaHealthRunner.RunAsync(new JsonObject
        {
            ["apiVersion"] = ApiGroup.ApiVersion,
            ["kind"] = "EcsCluster",
            ["metadata"] = new JsonObject { ["name"] = "prod", ["generation"] = 1 },
            ["status"] = new JsonObject { ["conditions"] = new JsonArray() },
        });
        Assert.Equal("Missing", health.Status);
    }

    [Fact]
    public void The_script_uses_only_what_argo_cds_lua_sandbox_offers()
    {
        var lua = File.ReadAllText(LuaHealthRunner.ScriptPath);
        foreach (var forbidden in new[] { "require", "io.", "os.", "dofile", "loadfile", "debug." })
            Assert.DoesNotContain(forbidden, lua, StringComparison.Ordinal);
        Assert.Contains("return hs", lua, StringComparison.Ordinal);
    }

    [Fact]
    public void The_argocd_cm_snippet_is_generated_from_the_script_for_every_kind()
    {
        var expected = ArgoCdConfigMap.Generate(File.ReadAllText(LuaHealthRunner.ScriptPath));
        if (Environment.GetEnvironmentVariable(ArgoCdConfigMap.UpdateVariable) == "1")
            File.WriteAllText(ArgoCdConfigMap.FilePath, expected);
        Assert.True(File.Exists(ArgoCdConfigMap.FilePath) && File.ReadAllText(ArgoCdConfigMap.FilePath) == expected,
            $"deploy/argocd/argocd-cm.yaml is stale: regenerate with {ArgoCdConfigMap.UpdateVariable}=1 dotnet test tests/EcsOperator.Deploy.Tests");

        var configMap = YamlToJson.ParseDocuments(expected).Single()!;
        foreach (var kind in Kinds.All)
            Assert.Equal(File.ReadAllText(LuaHealthRunner.ScriptPath).TrimEnd('\n') + "\n", configMap["data"]![$"resource.customizations.health.{kind.Group}_{kind.Kind}"]!.GetValue<string>());
    }

    private static JsonObject ObjectWith(string kind, long generation, long observedGeneration, IReadOnlyList<EcsOperator.Kubernetes.Model.Condition> conditions) => new()
    {
        ["apiVersion"] = ApiGroup.ApiVersion,
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = "x", ["namespace"] = "shop", ["generation"] = generation },
        ["status"] = new JsonObject
        {
            ["observedGeneration"] = observedGeneration,
            ["conditions"] = new JsonArray(conditions.Select(c => (JsonNode)new JsonObject
            {
                ["type"] = c.Type,
                ["status"] = c.Status,
                ["reason"] = c.Reason,
                ["message"] = c.Message,
                ["observedGeneration"] = c.ObservedGeneration,
            }).ToArray()),
        },
    };
}
