using System.Text.Json.Nodes;
using EcsOperator.Api.Tests.Support;

namespace EcsOperator.Api.Tests;

/// <summary>What the API server accepts and rejects for an EcsCapacityProvider (schema limits and CEL rules).</summary>
public sealed class CapacityProviderValidationRuleTests
{
    private const string Group = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:6d3b4f2c-1111-2222-3333-444455556666:autoScalingGroupName/shop-ec2";

    private static IReadOnlyList<string> Validate(string specFields, string provider = "")
    {
        var json = $$$"""
            {"apiVersion":"ecs.operator.dev/v1alpha1","kind":"EcsCapacityProvider","metadata":{"name":"asg"},
             "spec":{"autoScalingGroupProvider":{"autoScalingGroupArn":"{{{Group}}}"{{{provider}}}}{{{specFields}}}}}
            """;
        var schema = GeneratedCrds.Schema("EcsCapacityProvider");
        return SchemaValidator.Validate(SchemaValidator.WithDefaults(JsonNode.Parse(json)!, schema), schema);
    }

    [Fact]
    public void A_provider_with_only_its_Auto_Scaling_group_is_valid() => Assert.Empty(Validate(""));

    [Fact]
    public void Names_ECS_reserves_are_refused_in_any_case()
    {
        Assert.Contains(Validate(""","name":"ECS-pool" """), e => e.Contains("cannot start with aws, ecs or fargate", StringComparison.Ordinal));
        Assert.Contains(Validate(""","name":"fargate2" """), e => e.Contains("cannot start with aws, ecs or fargate", StringComparison.Ordinal));
        Assert.Empty(Validate(""","name":"pool-ecs" """));
    }

    [Fact]
    public void Termination_protection_needs_managed_scaling_enabled()
    {
        Assert.Contains(Validate("", ""","managedTerminationProtection":"ENABLED" """), e => e.Contains("needs autoScalingGroupProvider.managedScaling.status ENABLED", StringComparison.Ordinal));
        Assert.NotEmpty(Validate("", ""","managedTerminationProtection":"ENABLED","managedScaling":{"status":"DISABLED"}"""));
        Assert.Empty(Validate("", ""","managedTerminationProtection":"ENABLED","managedScaling":{"status":"ENABLED"}"""));
    }

    [Fact]
    public void Scaling_limits_follow_the_ECS_model()
    {
        Assert.NotEmpty(Validate("", ""","managedScaling":{"targetCapacity":0}"""));
        Assert.NotEmpty(Validate("", ""","managedScaling":{"targetCapacity":101}"""));
        Assert.Contains(Validate("", ""","managedScaling":{"minimumScalingStepSize":5,"maximumScalingStepSize":2}"""), e => e.Contains("must not exceed maximumScalingStepSize", StringComparison.Ordinal));
        Assert.Empty(Validate("", ""","managedScaling":{"status":"ENABLED","targetCapacity":100,"minimumScalingStepSize":2,"maximumScalingStepSize":2,"instanceWarmupPeriod":0}"""));
    }
}
