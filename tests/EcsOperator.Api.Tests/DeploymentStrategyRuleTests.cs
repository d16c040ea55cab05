using System.Text.Json.Nodes;
using EcsOperator.Api.Tests.Support;

namespace EcsOperator.Api.Tests;

/// <summary>
/// What the API server says about native blue/green, linear and canary deployments: the alternate target group they
/// need, the controller they need, and the documented step and bake bounds.
/// </summary>
public sealed class DeploymentStrategyRuleTests
{
    private const string Advanced = """
        "loadBalancers":[{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/blue/1","containerName":"app","containerPort":80,
          "advancedConfiguration":{"alternateTargetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/green/2",
            "productionListenerRule":"arn:aws:elasticloadbalancing:us-east-1:1:listener-rule/app/web/1/2/3","roleArn":"arn:aws:iam::1:role/elb"}}]
        """;

    private const string Plain = """
        "loadBalancers":[{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/blue/1","containerName":"app","containerPort":80}]
        """;

    private static IReadOnlyList<string> Validate(string specFields)
    {
        var json = $$$"""
            {"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsService","metadata":{"name":"web"},"spec":{"taskDefinition":"web:1",{{{specFields}}}}}
            """;
        var schema = GeneratedCrds.Schema("EcsService");
        return SchemaValidator.Validate(SchemaValidator.WithDefaults(JsonNode.Parse(json)!, schema), schema);
    }

    [Theory]
    [InlineData("BLUE_GREEN")]
    [InlineData("LINEAR")]
    [InlineData("CANARY")]
    public void Traffic_shifting_strategies_need_an_advanced_load_balancer_or_service_connect(string strategy)
    {
        var config = $$"""
            "deploymentConfiguration":{"strategy":"{{strategy}}","bakeTimeInMinutes":5}
            """;
        Assert.Contains(Validate(config + "," + Plain), e => e.Contains("alternateTargetGroupArn", StringComparison.Ordinal));
        Assert.Empty(Validate(config + "," + Advanced));
        Assert.Empty(Validate(config + """, "serviceConnectConfiguration":{"enabled":true,"namespace":"shop"} """));
        Assert.Empty(Validate(""" "deploymentConfiguration":{"strategy":"ROLLING"}, """ + Plain));
    }

    [Fact]
    public void A_strategy_other_than_rolling_needs_the_ecs_controller() =>
        Assert.Contains(
            Validate(""" "deploymentController":{"type":"CODE_DEPLOY"},"deploymentConfiguration":{"strategy":"BLUE_GREEN"}, """ + Advanced),
            e => e.Contains("deploymentController ECS", StringComparison.Ordinal));

    [Theory]
    [InlineData(2.9, false)]
    [InlineData(3.0, true)]
    [InlineData(100.0, true)]
    [InlineData(100.5, false)]
    public void Linear_step_percent_is_between_3_and_100(double step, bool valid)
    {
        var errors = Validate(FormattableString.Invariant($$$"""
            "deploymentConfiguration":{"strategy":"LINEAR","linearConfiguration":{"stepPercent":{{{step}}},"stepBakeTimeInMinutes":2}},
            """) + Advanced);
        Assert.Equal(valid, !errors.Any(e => e.Contains("stepPercent must be between 3.0 and 100.0", StringComparison.Ordinal)));
        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Canary_percent_bake_times_and_strategy_specific_blocks_are_checked()
    {
        Assert.Contains(Validate(""" "deploymentConfiguration":{"strategy":"CANARY","canaryConfiguration":{"canaryPercent":0.05}}, """ + Advanced),
            e => e.Contains("canaryPercent must be between 0.1 and 100.0", StringComparison.Ordinal));
        Assert.Contains(Validate(""" "deploymentConfiguration":{"strategy":"CANARY","canaryConfiguration":{"canaryBakeTimeInMinutes":1441}}, """ + Advanced),
            e => e.Contains("between 0 and 1440", StringComparison.Ordinal));
        Assert.Contains(Validate(""" "deploymentConfiguration":{"strategy":"BLUE_GREEN","bakeTimeInMinutes":-1}, """ + Advanced),
            e => e.Contains("between 0 and 1440", StringComparison.Ordinal));
        Assert.Contains(Validate(""" "deploymentConfiguration":{"strategy":"CANARY","linearConfiguration":{"stepPercent":10}}, """ + Advanced),
            e => e.Contains("linearConfiguration is only valid with strategy LINEAR", StringComparison.Ordinal));
        Assert.Contains(Validate(""" "deploymentConfiguration":{"canaryConfiguration":{"canaryPercent":10}} """),
            e => e.Contains("canaryConfiguration is only valid with strategy CANARY", StringComparison.Ordinal));
        Assert.Empty(Validate(""" "deploymentConfiguration":{"strategy":"CANARY","canaryConfiguration":{"canaryPercent":10,"canaryBakeTimeInMinutes":15}}, """ + Advanced));
    }

    [Fact]
    public void Lifecycle_hooks_are_part_of_the_schema()
    {
        var errors = Validate("""
            "deploymentConfiguration":{"strategy":"BLUE_GREEN","bakeTimeInMinutes":5,"lifecycleHooks":[{
              "hookTargetArn":"arn:aws:lambda:us-east-1:1:function:verify","roleArn":"arn:aws:iam::1:role/hooks",
              "lifecycleStages":["POST_TEST_TRAFFIC_SHIFT"],"hookDetails":{"smoke":"/healthz"}}]},
            """ + Advanced);
        var badStage = Validate("""
            "deploymentConfiguration":{"strategy":"BLUE_GREEN","lifecycleHooks":[{"hookTargetArn":"arn:aws:lambda:us-east-1:1:function:verify","lifecycleStages":["BAKE_TIME"]}]},
            """ + Advanced);

        Assert.Empty(errors);
        Assert.NotEmpty(badStage);
    }
}
