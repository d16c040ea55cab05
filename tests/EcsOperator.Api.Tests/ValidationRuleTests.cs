using System.Text.Json.Nodes;
using EcsOperator.Api.Tests.Support;

namespace EcsOperator.Api.Tests;

/// <summary>
/// What the API server accepts and rejects, evaluated with the generated schemas and their CEL rules: each
/// cross-field rule of DESIGN section 2 turns a bad manifest into a message at apply time.
/// </summary>
public sealed class ValidationRuleTests
{
    private static IReadOnlyList<string> Validate(string kind, string json)
    {
        var schema = GeneratedCrds.Schema(kind);
        var instance = SchemaValidator.WithDefaults(JsonNode.Parse(json)!, schema);
        return SchemaValidator.Validate(instance, schema);
    }

    private static string TaskDefinition(string specFields) => $$$"""
        {"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsTaskDefinition","metadata":{"name":"web"},
         "spec":{"containerDefinitions":[{"name":"app","image":"nginx:1.27","essential":true}]{{{specFields}}}}}
        """;

    private static string Service(string specFields) => $$$"""
        {"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsService","metadata":{"name":"web"},"spec":{{{{specFields}}}}}
        """;

    [Fact]
    public void A_minimal_task_definition_is_valid() => Assert.Empty(Validate("EcsTaskDefinition", TaskDefinition("")));

    [Fact]
    public void Fargate_requires_awsvpc()
    {
        var errors = Validate("EcsTaskDefinition", TaskDefinition(""","requiresCompatibilities":["FARGATE"],"networkMode":"bridge","cpu":"256","memory":"512" """));
        Assert.Contains(errors, e => e.Contains("needs networkMode: awsvpc", StringComparison.Ordinal));
        Assert.Empty(Validate("EcsTaskDefinition", TaskDefinition(""","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"512" """)));
    }

    [Fact]
    public void Fargate_requires_task_cpu_and_memory()
    {
        var errors = Validate("EcsTaskDefinition", TaskDefinition(""","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc" """));
        Assert.Contains(errors, e => e.Contains("task-level cpu and memory", StringComparison.Ordinal));
    }

    // The AWS table of Fargate task sizes, written independently of the CEL rule it checks.
    private static bool FargateSupports(int cpu, int memory) => cpu switch
    {
        256 => memory is 512 or 1024 or 2048,
        512 => memory is >= 1024 and <= 4096 && memory % 1024 == 0,
        1024 => memory is >= 2048 and <= 8192 && memory % 1024 == 0,
        2048 => memory is >= 4096 and <= 16384 && memory % 1024 == 0,
        4096 => memory is >= 8192 and <= 30720 && memory % 1024 == 0,
        8192 => memory is >= 16384 and <= 61440 && memory % 4096 == 0,
        16384 => memory is >= 32768 and <= 122880 && memory % 8192 == 0,
        _ => false,
    };

    [Fact]
    public void Fargate_cpu_and_memory_pairs_follow_the_aws_table()
    {
        var rule = Cel.Parse(GeneratedCrds.At("EcsTaskDefinition", ".spec")["x-kubernetes-validations"]!.AsArray()
            .Single(v => v!["message"]!.GetValue<string>().StartsWith("Fargate cpu/memory", StringComparison.Ordinal))!["rule"]!.GetValue<string>());
        var mismatches = new List<string>();
        foreach (var cpu in new[] { 128, 256, 512, 1024, 2048, 3072, 4096, 8192, 16384 })
        {
            for (var memory = 512; memory <= 131072; memory += 512)
            {
                var spec = new JsonObject
                {
                    ["requiresCompatibilities"] = new JsonArray("FARGATE"),
                    ["cpu"] = cpu.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["memory"] = memory.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                if (rule.Evaluate(spec) is not bool accepted || accepted != FargateSupports(cpu, memory))
                {
                    mismatches.Add($"cpu {cpu} memory {memory}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(", ", mismatches.Take(20)));
    }

    [Theory]
    [InlineData("1 vCPU", "2 GB")]
    [InlineData("1024", "2GB")]
    public void Fargate_sizes_in_unit_forms_are_left_to_the_operator(string cpu, string memory) =>
        Assert.Empty(Validate("EcsTaskDefinition", TaskDefinition($$""","requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"{{cpu}}","memory":"{{memory}}" """)));

    [Fact]
    public void Ec2_task_definitions_are_not_held_to_fargate_sizes() =>
        Assert.Empty(Validate("EcsTaskDefinition", TaskDefinition(""","requiresCompatibilities":["EC2"],"networkMode":"bridge","cpu":"300","memory":"700" """)));

    [Fact]
    public void At_most_ten_containers_with_unique_names()
    {
        var eleven = string.Join(',', Enumerable.Range(1, 11).Select(i => $$"""{"name":"c{{i}}","image":"busybox"}"""));
        var tooMany = $$$"""{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsTaskDefinition","metadata":{"name":"x"},"spec":{"containerDefinitions":[{{{eleven}}}]}}""";
        Assert.Contains(Validate("EcsTaskDefinition", tooMany), e => e.Contains("more than 10 items", StringComparison.Ordinal));

        var duplicate = """{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsTaskDefinition","metadata":{"name":"x"},"spec":{"containerDefinitions":[{"name":"a","image":"x"},{"name":"a","image":"y"}]}}""";
        Assert.Contains(Validate("EcsTaskDefinition", duplicate), e => e.Contains("duplicate entries", StringComparison.Ordinal));

        var unnamed = """{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsTaskDefinition","metadata":{"name":"x"},"spec":{"containerDefinitions":[{"image":"x"}]}}""";
        Assert.Contains(Validate("EcsTaskDefinition", unnamed), e => e.Contains("missing required field 'name'", StringComparison.Ordinal));
    }

    [Fact]
    public void Revision_history_limit_defaults_to_ten_and_must_be_positive()
    {
        var schema = GeneratedCrds.Schema("EcsTaskDefinition");
        var defaulted = SchemaValidator.WithDefaults(JsonNode.Parse(TaskDefinition(""))!, schema);
        Assert.Equal("10", defaulted["spec"]!["revisionHistoryLimit"]!.ToJsonString());
        Assert.Equal("Delete", defaulted["spec"]!["deletionPolicy"]!.GetValue<string>());
        Assert.NotEmpty(Validate("EcsTaskDefinition", TaskDefinition(""","revisionHistoryLimit":0""")));
        Assert.NotEmpty(Validate("EcsTaskDefinition", TaskDefinition(""","deletionPolicy":"Orphan" """)));
    }

    [Theory]
    [InlineData("""  "taskDefinition":"web:3" """, true)]
    [InlineData("""  "taskDefinitionRef":{"name":"web"} """, true)]
    [InlineData("""  "taskDefinitionTemplate":{"containerDefinitions":[{"name":"app","image":"nginx"}]} """, true)]
    [InlineData("""  "desiredCount":2 """, false)]
    [InlineData("""  "taskDefinition":"web:3","taskDefinitionRef":{"name":"web"} """, false)]
    public void A_service_has_exactly_one_task_definition_source(string fields, bool valid)
    {
        var errors = Validate("EcsService", Service(fields));
        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => e.Contains("exactly one of taskDefinitionRef, taskDefinition or taskDefinitionTemplate", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_inline_template_gets_the_same_fargate_rules() =>
        Assert.Contains(
            Validate("EcsService", Service("""
                "taskDefinitionTemplate":{"requiresCompatibilities":["FARGATE"],"networkMode":"awsvpc","cpu":"256","memory":"4096",
                  "containerDefinitions":[{"name":"app","image":"nginx"}]}
                """)),
            e => e.Contains("Fargate cpu/memory pair not supported", StringComparison.Ordinal));

    [Fact]
    public void Launch_type_and_capacity_provider_strategy_are_exclusive()
    {
        Assert.Contains(
            Validate("EcsService", Service("""
                "taskDefinition":"web:1","launchType":"FARGATE","capacityProviderStrategy":[{"capacityProvider":"FARGATE_SPOT","weight":1}]
                """)),
            e => e.Contains("launchType or capacityProviderStrategy, not both", StringComparison.Ordinal));
        Assert.Empty(Validate("EcsService", Service(""" "taskDefinition":"web:1","capacityProviderStrategy":[{"capacityProvider":"FARGATE_SPOT","weight":1}] """)));
        Assert.NotEmpty(Validate("EcsService", Service(""" "taskDefinition":"web:1","launchType":"LAMBDA" """)));
    }

    [Fact]
    public void Cluster_and_cluster_ref_are_exclusive() =>
        Assert.Contains(
            Validate("EcsService", Service(""" "taskDefinition":"web:1","cluster":"prod","clusterRef":{"name":"prod"} """)),
            e => e.Contains("at most one of cluster and clusterRef", StringComparison.Ordinal));

    [Fact]
    public void Daemon_services_have_no_desired_count() =>
        Assert.Contains(
            Validate("EcsService", Service(""" "taskDefinition":"agent:1","schedulingStrategy":"DAEMON","desiredCount":3 """)),
            e => e.Contains("DAEMON", StringComparison.Ordinal));

    [Fact]
    public void Daemon_services_take_no_placement_strategy_and_do_not_run_on_Fargate()
    {
        Assert.Contains(
            Validate("EcsService", Service(""" "taskDefinition":"agent:1","schedulingStrategy":"DAEMON","placementStrategy":[{"type":"spread","field":"instanceId"}] """)),
            e => e.Contains("placementStrategy is not allowed", StringComparison.Ordinal));
        Assert.Contains(
            Validate("EcsService", Service(""" "taskDefinition":"agent:1","schedulingStrategy":"DAEMON","launchType":"FARGATE" """)),
            e => e.Contains("launchType FARGATE is not allowed", StringComparison.Ordinal));
        Assert.Empty(Validate("EcsService", Service("""
            "taskDefinition":"agent:1","schedulingStrategy":"DAEMON","launchType":"EC2",
            "placementConstraints":[{"type":"memberOf","expression":"attribute:ecs.instance-type =~ t3.*"}]
            """)));
    }

    [Fact]
    public void Autoscaling_bounds_and_policies_are_checked()
    {
        Assert.Contains(
            Validate("EcsService", Service(""" "taskDefinition":"web:1","autoScaling":{"minCapacity":5,"maxCapacity":2} """)),
            e => e.Contains("minCapacity must not exceed maxCapacity", StringComparison.Ordinal));
        Assert.Contains(
            Validate("EcsService", Service("""
                "taskDefinition":"web:1","autoScaling":{"minCapacity":1,"maxCapacity":4,
                  "targetTracking":[{"name":"rps","predefinedMetric":"ALBRequestCountPerTarget","targetValue":100}]}
                """)),
            e => e.Contains("needs resourceLabel", StringComparison.Ordinal));
        Assert.Contains(
            Validate("EcsService", Service("""
                "taskDefinition":"web:1","autoScaling":{"minCapacity":1,"maxCapacity":4,
                  "targetTracking":[{"name":"cpu","targetValue":60}]}
                """)),
            e => e.Contains("exactly one of predefinedMetric and customizedMetricSpecification", StringComparison.Ordinal));
        Assert.Contains(
            Validate("EcsService", Service("""
                "taskDefinition":"web:1","autoScaling":{"minCapacity":1,"maxCapacity":4,
                  "scheduled":[{"name":"night","schedule":"cron(0 22 * * ? *)","minCapacity":3,"maxCapacity":1}]}
                """)),
            e => e.Contains("minCapacity must not exceed maxCapacity", StringComparison.Ordinal));
        Assert.Contains(
            Validate("EcsService", Service("""
                "taskDefinition":"web:1","autoScaling":{"minCapacity":1,"maxCapacity":4,
                  "scheduled":[{"name":"night","schedule":"every night","minCapacity":1}]}
                """)),
            e => e.Contains("does not match", StringComparison.Ordinal));
        Assert.Empty(Validate("EcsService", Service("""
                "taskDefinition":"web:1","autoScaling":{"minCapacity":1,"maxCapacity":4,
                  "targetTracking":[{"name":"cpu","predefinedMetric":"ECSServiceAverageCPUUtilization","targetValue":60,"scaleInCooldown":300}],
                  "scheduled":[{"name":"morning","schedule":"cron(0 7 ? * MON-FRI *)","timezone":"Europe/Berlin","minCapacity":3}]}
                """)));
    }

    [Fact]
    public void A_task_has_exactly_one_task_definition_source()
    {
        const string both = """{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsTask","metadata":{"name":"m"},"spec":{"taskDefinition":"migrate:1","taskDefinitionRef":{"name":"migrate"}}}""";
        Assert.Contains(Validate("EcsTask", both), e => e.Contains("exactly one of taskDefinitionRef and taskDefinition", StringComparison.Ordinal));
        const string tooMany = """{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsTask","metadata":{"name":"m"},"spec":{"taskDefinition":"migrate:1","count":11}}""";
        Assert.Contains(Validate("EcsTask", tooMany), e => e.Contains("above the maximum", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_cluster_spec_is_valid_and_gets_the_policy_defaults()
    {
        const string cluster = """{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsCluster","metadata":{"name":"prod"},"spec":{}}""";
        Assert.Empty(Validate("EcsCluster", cluster));
        var defaulted = SchemaValidator.WithDefaults(JsonNode.Parse(cluster)!, GeneratedCrds.Schema("EcsCluster"));
        Assert.Equal("None", defaulted["spec"]!["adoptionPolicy"]!.GetValue<string>());
        Assert.Equal("Correct", defaulted["spec"]!["driftPolicy"]!.GetValue<string>());
    }
}
