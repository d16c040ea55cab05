using System.Reflection;
using EcsOperator.Api;
using EcsOperator.Aws.Transport;

namespace EcsOperator.Deploy.Tests.Iam;

/// <summary>
/// The IAM policies in deploy/ (the operator's policy, the opt-in adoption statement, the tenant-role example) checked
/// against AWS's Service Authorization Reference (the checked-in copy in ServiceAuthorization/) and against the
/// operations the client code declares (found by reflection over the <see cref="AwsOperation"/> definitions).
/// </summary>
public sealed class IamPolicyTests
{
    private const string ClusterIdPlaceholder = "<cluster-id>";

    private static readonly string OwnerTag = ApiGroup.OwnerTagKey;

    private static readonly string PolicyPath = Path.Combine(RepoPaths.Root, "deploy", "iam-policy.json");

    private static readonly string AdoptionPath = Path.Combine(RepoPaths.Root, "deploy", "iam-policy-adoption.json");

    private static readonly string TenantPath = Path.Combine(RepoPaths.Root, "deploy", "iam-tenant-role-example.json");

    private static readonly IReadOnlyList<IamStatement> Statements = IamStatement.Load(PolicyPath);

    private static readonly ServiceAuthorizationReference Reference = ServiceAuthorizationReference.Load();

    private static readonly string MigrationPath = Path.Combine(RepoPaths.Root, "deploy", "iam-tenant-role-migration.json");

    public static TheoryData<string> PolicyFiles =>
        new(["iam-policy.json", "iam-policy-adoption.json", "iam-tenant-role-example.json", "iam-tenant-role-migration.json"]);

    /// <summary>
    /// Global condition keys: IAM puts them in every request context, so the reference does not list them per action.
    /// Only these are used: aws:PrincipalTag carries the namespace session tag of the tenant role.
    /// </summary>
    private static readonly string[] GlobalConditionKeyPrefixes = ["aws:PrincipalTag/"];

    /// <summary>Called by AWS on the operator's behalf, not by the client code: passing roles, first-use service-linked roles.</summary>
    private static readonly HashSet<string> Implied = new(StringComparer.OrdinalIgnoreCase) { "iam:PassRole", "iam:CreateServiceLinkedRole" };

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

    private static IReadOnlyList<IamStatement> Load(string file) => IamStatement.Load(Path.Combine(RepoPaths.Root, "deploy", file));

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
    public void The_reference_knows_every_action_the_code_calls_and_every_action_a_policy_names()
    {
        var named = PolicyFiles.Select(row => row.Data).SelectMany(Load).SelectMany(s => s.Actions);
        var unknown = ActionsTheCodeCanCall().Concat(Implied).Concat(named).Where(a => Reference.Find(a) is null).Distinct().ToList();
        Assert.True(unknown.Count == 0, $"not in the Service Authorization Reference copy (typo, or refresh ServiceAuthorization/): {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_operation_the_code_can_call_is_allowed_on_every_resource_type_it_requires()
    {
        var gaps = new List<string>();
        foreach (var action in ActionsTheCodeCanCall())
        {
            var allowing = Statements.Where(s => s.AllowsAction(action)).ToList();
            if (allowing.Count == 0)
            {
                gaps.Add($"{action}: not allowed");
                continue;
            }

            var reference = Reference.Find(action)!;
            foreach (var type in reference.ResourceTypes.Where(t => t.Required))
            {
                if (!allowing.SelectMany(s => s.Resources).Any(r => type.Fits(r)))
                    gaps.Add($"{action}: no Resource of type {type.Name} ({type.ArnFormat})");
            }
        }

        Assert.True(gaps.Count == 0, $"{PolicyPath}: {string.Join("; ", gaps)}");
    }

    [Fact]
    public void The_policy_allows_no_aws_action_the_code_does_not_call()
    {
        var called = ActionsTheCodeCanCall().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unused = PolicyFiles.Select(row => row.Data).SelectMany(Load).Where(s => s.IsAllow)
            .SelectMany(s => s.Actions).Where(a => !called.Contains(a) && !Implied.Contains(a)).Distinct().ToList();
        Assert.True(unused.Count == 0, $"allowed but never called: {string.Join(", ", unused)}");
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void No_statement_uses_an_action_wildcard_or_a_not_element(string file)
    {
        foreach (var statement in Load(file))
        {
            Assert.Contains(statement.Effect, new[] { "Allow", "Deny" });
            Assert.All(statement.Actions, a => Assert.Matches("^(ecs|application-autoscaling|iam):[A-Za-z]+$", a));
        }

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", file)))!.ToJsonString();
        Assert.DoesNotContain("NotAction", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NotResource", json, StringComparison.Ordinal);
        Assert.DoesNotContain("NotPrincipal", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Every_resource_fits_a_resource_type_the_reference_lists_for_every_action_of_its_statement(string file)
    {
        var misfits = new List<string>();
        foreach (var statement in Load(file))
        {
            foreach (var action in statement.Actions)
            {
                var reference = Reference.Find(action)!;
                foreach (var resource in statement.Resources)
                {
                    if (resource == "*")
                    {
                        // A Deny on "*" only narrows; an Allow on "*" is for actions AWS authorizes against "*" alone.
                        if (statement.IsAllow && reference.HasResourceTypes)
                            misfits.Add($"{statement.Sid}: {action} on \"*\" although it has resource types {string.Join(", ", reference.ResourceTypes.Select(t => t.Name))}");
                    }
                    else if (!reference.TypesOf(resource).Any())
                    {
                        misfits.Add(reference.HasResourceTypes
                            ? $"{statement.Sid}: {resource} is none of {action}'s resource types ({string.Join(", ", reference.ResourceTypes.Select(t => t.ArnFormat))})"
                            : $"{statement.Sid}: {action} has no resource types, so {resource} can never match (use \"*\")");
                    }
                }
            }
        }

        Assert.True(misfits.Count == 0, $"deploy/{file}: {string.Join("; ", misfits)}");
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Every_condition_key_is_one_the_reference_lists_for_every_action_of_its_statement(string file)
    {
        var unsupported = Load(file)
            .SelectMany(s => s.ConditionKeys.Where(key => !GlobalConditionKeyPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                .SelectMany(key => s.Actions.Where(a => !Reference.Find(a)!.Supports(key)).Select(a => $"{s.Sid}: {a} does not support {key}")))
            .ToList();
        Assert.True(unsupported.Count == 0, $"deploy/{file}: {string.Join("; ", unsupported)}");
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Owner_tag_conditions_pin_the_value_to_this_cluster_and_never_only_test_presence(string file)
    {
        foreach (var statement in Load(file).Where(s => s.IsAllow))
        {
            foreach (var kind in new[] { "RequestTag", "ResourceTag" })
            {
                var key = $"aws:{kind}/{OwnerTag}";
                var pinned = statement.ConditionValues("StringLike", key);
                Assert.All(pinned, value => Assert.StartsWith(ClusterIdPlaceholder + "/", value, StringComparison.Ordinal));
                var presence = statement.ConditionValues("Null", key);
                // The only presence test an Allow may make: the opt-in adoption statement requires the owner tag to be absent.
                Assert.True(presence.Count == 0 || (presence.SequenceEqual(["true"]) && kind == "ResourceTag" && statement.Sid == "EcsAdoptUntaggedResources"),
                    $"{statement.Sid}: a Null test on {key} lets any owner through");
            }
        }
    }

    [Fact]
    public void Creates_carry_this_clusters_owner_tag_and_tag_on_create_is_limited_to_them()
    {
        string[] creates = ["ecs:CreateCluster", "ecs:CreateService", "ecs:RegisterTaskDefinition", "ecs:RunTask", "ecs:CreateCapacityProvider"];
        foreach (var create in creates)
        {
            var statement = Assert.Single(Statements, s => s.AllowsAction(create));
            Assert.Equal([ClusterIdPlaceholder + "/*"], statement.ConditionValues("StringLike", $"aws:RequestTag/{OwnerTag}"));
        }

        var tagOnCreate = Assert.Single(Statements, s => s.ConditionKeys.Contains("ecs:CreateAction"));
        Assert.Equal(["ecs:TagResource"], tagOnCreate.Actions);
        Assert.Equal(creates.Select(c => c["ecs:".Length..]).Order(StringComparer.Ordinal),
            tagOnCreate.ConditionValues("StringEquals", "ecs:CreateAction").Order(StringComparer.Ordinal));
        Assert.Equal([ClusterIdPlaceholder + "/*"], tagOnCreate.ConditionValues("StringLike", $"aws:RequestTag/{OwnerTag}"));
    }

    [Fact]
    public void Mutations_of_existing_resources_need_this_clusters_owner_tag_on_the_resource()
    {
        string[] mutations =
        [
            "ecs:UpdateCluster", "ecs:PutClusterCapacityProviders", "ecs:DeleteCluster", "ecs:UpdateService", "ecs:DeleteService", "ecs:StopTask", "ecs:StopServiceDeployment",
            "ecs:DeleteTaskDefinitions", "application-autoscaling:DeregisterScalableTarget", "application-autoscaling:PutScalingPolicy",
            "application-autoscaling:DeleteScalingPolicy", "application-autoscaling:PutScheduledAction", "application-autoscaling:DeleteScheduledAction",
            "ecs:UpdateCapacityProvider", "ecs:DeleteCapacityProvider",
        ];
        foreach (var mutation in mutations)
        {
            var statements = Statements.Where(s => s.AllowsAction(mutation)).ToList();
            Assert.NotEmpty(statements);
            Assert.All(statements, s => Assert.Equal([ClusterIdPlaceholder + "/*"], s.ConditionValues("StringLike", $"aws:ResourceTag/{OwnerTag}")));
        }

        // ECS TagResource in the base policy: on a resource this cluster owns, or as part of a create. Adoption is not here.
        foreach (var statement in Statements.Where(s => s.AllowsAction("ecs:TagResource")))
        {
            var owned = statement.ConditionValues("StringLike", $"aws:ResourceTag/{OwnerTag}").SequenceEqual([ClusterIdPlaceholder + "/*"]);
            var onCreate = statement.ConditionKeys.Contains("ecs:CreateAction");
            Assert.True(owned || onCreate, $"{statement.Sid} lets the operator tag ECS resources it neither owns nor creates");
        }
    }

    [Fact]
    public void Adoption_of_untagged_resources_is_a_separate_opt_in_policy()
    {
        Assert.DoesNotContain(Statements, s => s.ConditionValues("Null", $"aws:ResourceTag/{OwnerTag}").SequenceEqual(["true"]));

        var adoption = Assert.Single(IamStatement.Load(AdoptionPath));
        Assert.Equal(["ecs:TagResource"], adoption.Actions);
        Assert.Equal(["true"], adoption.ConditionValues("Null", $"aws:ResourceTag/{OwnerTag}"));
        Assert.Equal([ClusterIdPlaceholder + "/*"], adoption.ConditionValues("StringLike", $"aws:RequestTag/{OwnerTag}"));
        Assert.Equal(["cluster", "service", "capacity-provider"], adoption.Resources.Select(r => Reference.Find("ecs:TagResource")!.TypesOf(r).Single().Name));
    }

    [Fact]
    public void The_owner_tag_can_be_neither_removed_nor_rewritten()
    {
        var removal = Assert.Single(Statements, s => s.Effect == "Deny" && s.Names("ecs:UntagResource"));
        Assert.True(removal.Names("application-autoscaling:UntagResource"));
        Assert.Equal([OwnerTag], removal.ConditionValues("ForAnyValue:StringEquals", "aws:TagKeys"));
        Assert.Equal(["*"], removal.Resources);

        var rewrite = Assert.Single(Statements, s => s.Effect == "Deny" && s.Names("ecs:TagResource"));
        Assert.True(rewrite.Names("application-autoscaling:TagResource"));
        Assert.Equal([OwnerTag], rewrite.ConditionValues("ForAnyValue:StringEquals", "aws:TagKeys"));
        Assert.Equal(["false"], rewrite.ConditionValues("Null", $"aws:ResourceTag/{OwnerTag}"));
        Assert.Equal(["*"], rewrite.Resources);
    }

    [Fact]
    public void Privileged_task_definitions_are_denied()
    {
        var deny = Assert.Single(Statements, s => s.Effect == "Deny" && s.Names("ecs:RegisterTaskDefinition"));
        Assert.Equal(["true"], deny.ConditionValues("StringEquals", "ecs:privileged"));
        Assert.True(Reference.Find("ecs:RegisterTaskDefinition")!.Supports("ecs:privileged"));
    }

    [Fact]
    public void Service_and_task_calls_are_conditioned_on_the_cluster_and_task_definition()
    {
        foreach (var action in new[] { "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", "ecs:RunTask", "ecs:StopTask", "ecs:ListTasks" })
            Assert.All(Statements.Where(s => s.AllowsAction(action)), s => Assert.NotEmpty(s.ConditionValues("ArnLike", "ecs:cluster")));
        foreach (var action in new[] { "ecs:CreateService", "ecs:UpdateService" })
            Assert.All(Statements.Where(s => s.AllowsAction(action)), s => Assert.NotEmpty(s.ConditionValues("ArnLikeIfExists", "ecs:task-definition")));
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Roles_are_passed_only_to_ecs(string file)
    {
        var statements = Load(file);
        foreach (var passRole in statements.Where(s => s.AllowsAction("iam:PassRole")))
        {
            var services = passRole.ConditionValues("StringEquals", "iam:PassedToService");
            Assert.NotEmpty(services);
            Assert.Subset(new HashSet<string> { "ecs-tasks.amazonaws.com", "ecs.amazonaws.com" }, services.ToHashSet());
        }

        foreach (var linked in statements.Where(s => s.AllowsAction("iam:CreateServiceLinkedRole")))
        {
            Assert.Equal(["ecs.amazonaws.com", "ecs.application-autoscaling.amazonaws.com"],
                linked.ConditionValues("StringEquals", "iam:AWSServiceName").Order(StringComparer.Ordinal));
            Assert.DoesNotContain("*", linked.Resources);
        }
    }

    [Fact]
    public void The_tenant_role_example_confines_a_namespace_to_its_own_roles_and_resources()
    {
        const string Namespace = "${aws:PrincipalTag/k8s-namespace}";
        var tenant = IamStatement.Load(TenantPath);

        var passRole = tenant.Where(s => s.AllowsAction("iam:PassRole")).ToList();
        Assert.NotEmpty(passRole);
        Assert.All(passRole.SelectMany(s => s.Resources), r => Assert.Equal($"arn:aws:iam::*:role/ecs-tenants/{Namespace}/*", r));

        foreach (var statement in tenant.Where(s => s.IsAllow))
        {
            foreach (var kind in new[] { "RequestTag", "ResourceTag" })
                Assert.All(statement.ConditionValues("StringLike", $"aws:{kind}/{OwnerTag}"), v => Assert.Equal($"{ClusterIdPlaceholder}/{Namespace}/*", v));
        }

        // Everything that creates or changes a resource is pinned to the namespace's owner-tag prefix (or its family prefix).
        var mutations = ActionsTheCodeCanCall().Where(a => Reference.Find(a) is { HasResourceTypes: true } && !IsRead(a)).ToList();
        foreach (var action in mutations)
        {
            foreach (var statement in tenant.Where(s => s.AllowsAction(action)))
            {
                var ownerValues = statement.ConditionValues("StringLike", $"aws:RequestTag/{OwnerTag}").Concat(statement.ConditionValues("StringLike", $"aws:ResourceTag/{OwnerTag}"));
                Assert.True(ownerValues.Any() || action == "application-autoscaling:RegisterScalableTarget",
                    $"{statement.Sid} lets a namespace {action} without its owner-tag prefix");
            }
        }

        // Clusters and capacity providers are the platform's: a tenant role cannot create, change or delete them.
        foreach (var platform in new[] { "ecs:CreateCluster", "ecs:UpdateCluster", "ecs:PutClusterCapacityProviders", "ecs:DeleteCluster",
            "ecs:CreateCapacityProvider", "ecs:UpdateCapacityProvider", "ecs:DeleteCapacityProvider" })
            Assert.DoesNotContain(tenant, s => s.AllowsAction(platform));
        // Families only under <namespace>_: no namespace holds '_', so <namespace>-* would also cover <namespace>-b's.
        var register = Assert.Single(tenant, s => s.AllowsAction("ecs:RegisterTaskDefinition"));
        Assert.Equal([$"arn:aws:ecs:*:*:task-definition/{Namespace}_*:*"], register.Resources);
        var run = Assert.Single(tenant, s => s.AllowsAction("ecs:RunTask"));
        Assert.Equal([$"arn:aws:ecs:*:*:task-definition/{Namespace}_*:*"], run.Resources);
        foreach (var action in new[] { "ecs:CreateService", "ecs:UpdateService" })
        {
            Assert.All(tenant.Where(s => s.AllowsAction(action)),
                s => Assert.Equal([$"arn:aws:ecs:*:*:task-definition/{Namespace}_*:*"], s.ConditionValues("ArnLikeIfExists", "ecs:task-definition")));
        }

        // Everything else the operator calls for services, task definitions and tasks is there.
        var missing = ActionsTheCodeCanCall().Where(a => !a.Contains("Cluster", StringComparison.Ordinal) && !a.Contains("CapacityProvider", StringComparison.Ordinal)
            && !tenant.Any(s => s.AllowsAction(a))).ToList();
        Assert.True(missing.Count == 0, $"the tenant role example does not allow: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_migration_statements_reach_only_the_namespaces_own_earlier_default_families_and_owned_resources()
    {
        const string Namespace = "${aws:PrincipalTag/k8s-namespace}";
        string[] earlier = [$"arn:aws:ecs:*:*:task-definition/{Namespace}-td_*:*", $"arn:aws:ecs:*:*:task-definition/{Namespace}-svc_*:*"];
        var migration = IamStatement.Load(MigrationPath);
        Assert.All(migration, s => Assert.StartsWith("Migration", s.Sid, StringComparison.Ordinal));

        var register = Assert.Single(migration, s => s.AllowsAction("ecs:RegisterTaskDefinition"));
        Assert.Equal(earlier, register.Resources);
        Assert.Equal([$"{ClusterIdPlaceholder}/{Namespace}/*"], register.ConditionValues("StringLike", $"aws:RequestTag/{OwnerTag}"));
        foreach (var (action, tag) in new[] { ("ecs:CreateService", "RequestTag"), ("ecs:UpdateService", "ResourceTag") })
        {
            var statement = Assert.Single(migration, s => s.AllowsAction(action));
            Assert.Equal(earlier, statement.ConditionValues("ArnLike", "ecs:task-definition"));
            Assert.NotEmpty(statement.ConditionValues("ArnLike", "ecs:cluster"));
            Assert.Equal([$"{ClusterIdPlaceholder}/{Namespace}/*"], statement.ConditionValues("StringLike", $"aws:{tag}/{OwnerTag}"));
        }

        var run = Assert.Single(migration, s => s.AllowsAction("ecs:RunTask"));
        Assert.Equal(earlier, run.Resources);
        Assert.NotEmpty(run.ConditionValues("ArnLike", "ecs:cluster"));
        Assert.Equal([$"{ClusterIdPlaceholder}/{Namespace}/*"], run.ConditionValues("StringLike", $"aws:RequestTag/{OwnerTag}"));

        Assert.Equal(4, migration.Count);
    }

    [Fact]
    public void Every_statement_has_a_unique_sid_and_a_note()
    {
        var notes = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "iam-policy.md"));
        var sids = PolicyFiles.Select(row => row.Data).SelectMany(f => Load(f).Select(s => s.Sid)).Distinct().ToList();
        Assert.All(sids, sid => Assert.Matches("^[A-Za-z0-9]+$", sid));
        Assert.All(PolicyFiles.Select(row => row.Data), f => Assert.Equal(Load(f).Count, Load(f).Select(s => s.Sid).Distinct().Count()));
        var undocumented = sids.Where(sid => !notes.Contains($"| `{sid}` |", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, $"deploy/iam-policy.md has no note for: {string.Join(", ", undocumented)}");
    }

    private static bool IsRead(string action)
    {
        var name = action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return name.StartsWith("Describe", StringComparison.Ordinal) || name.StartsWith("List", StringComparison.Ordinal);
    }
}
