using System.Reflection;
using EcsOperator.Api;
using EcsOperator.Aws.Transport;

namespace EcsOperator.Deploy.Tests.Iam;

/// <summary>
/// deploy/iam-policy.json allows every AWS operation the client code can call (found by reflection over the
/// <see cref="AwsOperation"/> definitions in src/EcsOperator.Aws), and nothing broad.
/// </summary>
public sealed class IamPolicyTests
{
    private static readonly string PolicyPath = Path.Combine(RepoPaths.Root, "deploy", "iam-policy.json");

    private static readonly IReadOnlyList<IamStatement> Statements = IamStatement.Load(PolicyPath);

    private static readonly string OwnerTag = ApiGroup.OwnerTagKey;

    /// <summary>
    /// Actions IAM authorizes against "*" only (the Service Authorization Reference lists no resource type for them, or
    /// the resource does not exist before the call), or whose resource is not known to the operator beforehand. Any
    /// statement with Resource "*" may only hold these.
    /// </summary>
    private static readonly HashSet<string> WithoutResourceLevelPermissions = new(StringComparer.OrdinalIgnoreCase)
    {
        "ecs:CreateCluster", "ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:ListTaskDefinitions",
        "ecs:DeregisterTaskDefinition", "ecs:DeleteTaskDefinitions", "ecs:ListServices", "ecs:ListTasks",
        "ecs:ListServiceDeployments", "ecs:DescribeServiceDeployments",
        "application-autoscaling:RegisterScalableTarget", "application-autoscaling:DeregisterScalableTarget",
        "application-autoscaling:DescribeScalableTargets", "application-autoscaling:PutScalingPolicy",
        "application-autoscaling:DeleteScalingPolicy", "application-autoscaling:DescribeScalingPolicies",
        "application-autoscaling:PutScheduledAction", "application-autoscaling:DeleteScheduledAction",
        "application-autoscaling:DescribeScheduledActions", "application-autoscaling:DescribeScalingActivities",
        "application-autoscaling:TagResource", "application-autoscaling:ListTagsForResource",
    };

    /// <summary>Every operation declared in the AWS client assembly, as an IAM action (signing name : operation).</summary>
    private static IReadOnlyList<string> ActionsTheCodeCanCall() =>
        typeof(AwsOperation).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(AwsOperation))
            .Select(f => (AwsOperation)f.GetValue(null)!)
            .Select(op => $"{op.Service.SigningName}:{op.Name}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void The_client_code_declares_the_ecs_and_application_auto_scaling_operations()
    {
        var actions = ActionsTheCodeCanCall();
        Assert.Contains("ecs:CreateService", actions);
        Assert.Contains("ecs:RegisterTaskDefinition", actions);
        Assert.Contains("application-autoscaling:RegisterScalableTarget", actions);
        Assert.Equal(
            Aws.Ecs.EcsOperations.All.Concat(Aws.ApplicationAutoScaling.ApplicationAutoScalingOperations.All).Select(o => $"{o.Service.SigningName}:{o.Name}").Order(StringComparer.Ordinal),
            actions);
    }

    [Fact]
    public void Every_operation_the_code_can_call_is_allowed()
    {
        var denied = ActionsTheCodeCanCall().Where(action => !Statements.Any(s => s.AllowsAction(action))).ToList();
        Assert.True(denied.Count == 0, $"{PolicyPath} does not allow: {string.Join(", ", denied)}");
    }

    [Fact]
    public void The_policy_allows_no_aws_action_the_code_does_not_call()
    {
        var called = ActionsTheCodeCanCall().ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Called by AWS on the operator's behalf: tag-on-create, passing roles, first-use service-linked roles.
        HashSet<string> implied = new(StringComparer.OrdinalIgnoreCase) { "iam:PassRole", "iam:CreateServiceLinkedRole" };
        var unused = Statements.SelectMany(s => s.Actions).Where(a => !called.Contains(a) && !implied.Contains(a)).Distinct().ToList();
        Assert.True(unused.Count == 0, $"allowed but never called: {string.Join(", ", unused)}");
    }

    [Fact]
    public void No_statement_uses_an_action_wildcard_or_a_deny_free_not_element()
    {
        foreach (var statement in Statements)
        {
            Assert.Equal("Allow", statement.Effect);
            Assert.All(statement.Actions, a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
            Assert.All(statement.Actions, a => Assert.Matches("^(ecs|application-autoscaling|iam):[A-Za-z]+$", a));
        }

        var json = JsonNode.Parse(File.ReadAllText(PolicyPath))!.ToJsonString();
        Assert.DoesNotContain("NotAction", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NotResource", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Resource_star_is_used_only_for_actions_without_resource_level_permissions()
    {
        var misplaced = Statements.Where(s => s.Resources.Contains("*"))
            .SelectMany(s => s.Actions.Where(a => !WithoutResourceLevelPermissions.Contains(a)).Select(a => $"{s.Sid}: {a}")).ToList();
        Assert.True(misplaced.Count == 0, $"Resource \"*\" although the action supports resource-level permissions: {string.Join(", ", misplaced)}");
    }

    [Fact]
    public void Creates_must_carry_the_owner_tag_and_tag_on_create_is_limited_to_them()
    {
        string[] creates = ["ecs:CreateCluster", "ecs:CreateService", "ecs:RegisterTaskDefinition", "ecs:RunTask"];
        foreach (var create in creates)
        {
            var statement = Assert.Single(Statements, s => s.AllowsAction(create));
            Assert.Equal(["false"], statement.ConditionValues("Null", $"aws:RequestTag/{OwnerTag}"));
        }

        var tagOnCreate = Assert.Single(Statements, s => s.ConditionKeys.Contains("ecs:CreateAction"));
        Assert.Equal(["ecs:TagResource"], tagOnCreate.Actions);
        Assert.Equal(creates.Select(c => c["ecs:".Length..]).Order(StringComparer.Ordinal),
            tagOnCreate.ConditionValues("StringEquals", "ecs:CreateAction").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Updates_and_deletes_of_clusters_services_and_tasks_need_an_owner_tag_on_the_resource()
    {
        string[] mutations = ["ecs:UpdateCluster", "ecs:PutClusterCapacityProviders", "ecs:DeleteCluster", "ecs:UpdateService", "ecs:DeleteService", "ecs:StopTask", "ecs:UntagResource"];
        foreach (var mutation in mutations)
        {
            var statements = Statements.Where(s => s.AllowsAction(mutation)).ToList();
            Assert.NotEmpty(statements);
            Assert.All(statements, s => Assert.Equal(["false"], s.ConditionValues("Null", $"aws:ResourceTag/{OwnerTag}")));
        }

        // TagResource on an existing resource: either it is owned already, or it is untagged and the request adds the
        // owner tag (adoption), or it is part of a create.
        foreach (var statement in Statements.Where(s => s.AllowsAction("ecs:TagResource")))
        {
            var owned = statement.ConditionValues("Null", $"aws:ResourceTag/{OwnerTag}").SequenceEqual(["false"]);
            var adoption = statement.ConditionValues("Null", $"aws:ResourceTag/{OwnerTag}").SequenceEqual(["true"])
                && statement.ConditionValues("Null", $"aws:RequestTag/{OwnerTag}").SequenceEqual(["false"]);
            var onCreate = statement.ConditionKeys.Contains("ecs:CreateAction");
            Assert.True(owned || adoption || onCreate, $"{statement.Sid} lets the operator tag resources it neither owns, adopts nor creates");
        }
    }

    [Fact]
    public void Roles_are_passed_only_to_ecs()
    {
        var passRole = Statements.Where(s => s.AllowsAction("iam:PassRole")).ToList();
        Assert.NotEmpty(passRole);
        Assert.Contains(passRole, s => s.ConditionValues("StringEquals", "iam:PassedToService").SequenceEqual(["ecs-tasks.amazonaws.com"]));
        Assert.All(passRole, s => Assert.Subset(new HashSet<string> { "ecs-tasks.amazonaws.com", "ecs.amazonaws.com" }, s.ConditionValues("StringEquals", "iam:PassedToService").ToHashSet()));
        Assert.All(passRole, s => Assert.NotEmpty(s.ConditionValues("StringEquals", "iam:PassedToService")));

        var linked = Assert.Single(Statements, s => s.AllowsAction("iam:CreateServiceLinkedRole"));
        Assert.Equal(["ecs.amazonaws.com", "ecs.application-autoscaling.amazonaws.com"],
            linked.ConditionValues("StringEquals", "iam:AWSServiceName").Order(StringComparer.Ordinal));
        Assert.DoesNotContain("*", linked.Resources);
    }

    [Fact]
    public void Every_statement_has_a_unique_sid_and_a_note()
    {
        var notes = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "iam-policy.md"));
        var sids = Statements.Select(s => s.Sid).ToList();
        Assert.All(sids, sid => Assert.Matches("^[A-Za-z0-9]+$", sid));
        Assert.Equal(sids.Count, sids.Distinct().Count());
        var undocumented = sids.Where(sid => !notes.Contains($"| `{sid}` |", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, $"deploy/iam-policy.md has no note for: {string.Join(", ", undocumented)}");
    }
}
