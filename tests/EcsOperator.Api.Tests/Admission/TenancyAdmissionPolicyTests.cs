using System.Text.Json;
using System.Text.Json.Nodes;
using EcsOperator.Api.Tenancy;
using EcsOperator.Core.Tenancy;
using EcsOperator.Kubernetes.Model;

namespace EcsOperator.Api.Tests.Admission;

/// <summary>
/// The tenancy admission policy in deploy/tenancy, evaluated with the repository's CEL interpreter, against the
/// same cases as the operator's TenancyEvaluator: both must refuse and admit the same manifests.
/// </summary>
public sealed class TenancyAdmissionPolicyTests
{
    private const string Namespace = "shop";
    private const string ForeignRole = "arn:aws:iam::111122223333:role/teams/payments/admin";
    private const string OwnRole = "arn:aws:iam::111122223333:role/teams/shop/web";

    private static readonly AdmissionPolicy Policy = AdmissionPolicy.Load("admission-policy.yaml", "ecs-operator-tenancy");
    private static readonly Dictionary<string, string> ShopLabels = new() { ["team"] = "shop", ["kubernetes.io/metadata.name"] = Namespace };

    private static JsonNode TenantPolicy(string extra = "") => JsonNode.Parse($$$"""
        {
          "apiVersion": "ecs.operator.dev/v1alpha1", "kind": "EcsTenantPolicy", "metadata": {"name": "shop"},
          "spec": {
            "namespaceSelector": {"matchLabels": {"team": "shop"}},
            "awsRoleArn": "arn:aws:iam::111122223333:role/ecs-operator-tenants/shop",
            "allowedRoleArns": ["arn:aws:iam::111122223333:role/teams/shop/*"],
            "allowedClusters": ["shop_*"],
            "taskDefinitionFamilyPrefix": "shop_",
            "maxDesiredCount": 10
            {{{extra}}}
          }
        }
        """)!;

    private static JsonNode Manifest(string kind, string spec) => JsonNode.Parse($$"""
        {"apiVersion": "ecs.operator.dev/v1alpha1", "kind": "{{kind}}", "metadata": {"name": "web", "namespace": "shop"}, "spec": {{spec}}}
        """)!;

    private static JsonNode TaskDefinition(string extra = "") =>
        Manifest("EcsTaskDefinition", $$"""{"family": "shop_web", "containerDefinitions": [{"name": "web", "image": "nginx"}] {{extra}}}""");

    private static JsonNode Service(string extra = "") =>
        Manifest("EcsService", $$"""{"cluster": "shop_prod", "taskDefinitionRef": {"name": "web"}, "desiredCount": 2 {{extra}}}""");

    private static JsonNode Task(string extra = "") =>
        Manifest("EcsTask", $$"""{"cluster": "shop_prod", "taskDefinitionRef": {"name": "web"} {{extra}}}""");

    private static JsonNode Cluster(string extra = "") => Manifest("EcsCluster", $$"""{"clusterName": "shop_prod" {{extra}}}""");

    /// <summary>Every role-bearing field, as a manifest naming <c>{0}</c> there.</summary>
    public static TheoryData<string, string> RoleFields => new()
    {
        { "EcsTaskDefinition", """, "taskRoleArn": "{0}" """ },
        { "EcsTaskDefinition", """, "executionRoleArn": "{0}" """ },
        { "EcsService template", """, "taskDefinitionTemplate": {"family": "shop_web", "taskRoleArn": "{0}", "containerDefinitions": [{"name": "web"}]} """ },
        { "EcsService template", """, "taskDefinitionTemplate": {"family": "shop_web", "executionRoleArn": "{0}", "containerDefinitions": [{"name": "web"}]} """ },
        { "EcsService", """, "role": "{0}" """ },
        { "EcsService", """, "loadBalancers": [{"advancedConfiguration": {"roleArn": "{0}"}}] """ },
        { "EcsService", """, "deploymentConfiguration": {"lifecycleHooks": [{"roleArn": "{0}"}]} """ },
        { "EcsService", """, "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "{0}"}}] """ },
        { "EcsService", """, "vpcLatticeConfigurations": [{"roleArn": "{0}"}] """ },
        { "EcsService", """, "serviceConnectConfiguration": {"services": [{"tls": {"roleArn": "{0}"}}]} """ },
        { "EcsTask", """, "overrides": {"taskRoleArn": "{0}"} """ },
        { "EcsTask", """, "overrides": {"executionRoleArn": "{0}"} """ },
        { "EcsTask", """, "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "{0}"}}] """ },
    };

    private static JsonNode WithField(string kind, string extra, string role)
    {
        var text = extra.Replace("{0}", role, StringComparison.Ordinal);
        return kind switch
        {
            "EcsTaskDefinition" => TaskDefinition(text),
            "EcsService" => Service(text),
            "EcsService template" => Manifest("EcsService", $$"""{"cluster": "shop_prod" {{text}}}"""),
            _ => Task(text),
        };
    }

    /// <summary>
    /// The admission verdict, checked against the operator's evaluator on the same manifest (with the status of
    /// <paramref name="stored"/>, the object an UPDATE changes; null: a CREATE).
    /// </summary>
    private static IReadOnlyList<string> Admit(JsonNode manifest, JsonNode? param = null, IReadOnlyDictionary<string, string>? labels = null, JsonNode? stored = null)
    {
        param ??= TenantPolicy();
        labels ??= ShopLabels;
        var messages = Policy.Evaluate(manifest, Namespace, labels, param, stored);
        if (stored?["status"] is { } status)
        {
            manifest = manifest.DeepClone();
            manifest["status"] = status.DeepClone();
        }

        var policy = param.Deserialize(ApiJsonContext.Default.EcsTenantPolicy)!;
        var tenancy = TenantPolicyResolver.Resolve(Namespace, labels, [policy], TenancyMode.Open);
        var kind = Kinds.ByKind(manifest["kind"]!.GetValue<string>())!;
        var typed = (IKubernetesObject)manifest.Deserialize(ApiJsonContext.Default.GetTypeInfo(kind.ClrType)!)!;
        var violations = TenancyEvaluator.Evaluate(tenancy, typed);
        Assert.True(messages.Count == 0 == (violations.Count == 0),
            $"admission says [{string.Join("; ", messages)}], the operator says [{string.Join("; ", violations)}]");
        return messages;
    }

    [Theory]
    [MemberData(nameof(RoleFields))]
    public void A_foreign_role_is_refused_in_every_role_bearing_field(string kind, string field)
    {
        var message = Assert.Single(Admit(WithField(kind, field, ForeignRole)));
        Assert.Equal($"role {ForeignRole} is not in allowedRoleArns of EcsTenantPolicy shop", message);
    }

    [Theory]
    [MemberData(nameof(RoleFields))]
    public void An_allowed_role_is_admitted_in_every_role_bearing_field(string kind, string field) =>
        Assert.Empty(Admit(WithField(kind, field, OwnRole)));

    [Fact]
    public void Compliant_objects_of_every_kind_are_admitted()
    {
        Assert.Empty(Admit(TaskDefinition()));
        Assert.Empty(Admit(Service()));
        Assert.Empty(Admit(Task()));
        Assert.Empty(Admit(Cluster()));
    }

    [Fact]
    public void A_namespace_the_policy_does_not_select_is_left_to_other_policies()
    {
        var payments = new Dictionary<string, string> { ["team"] = "payments" };
        Assert.Empty(Policy.Evaluate(TaskDefinition(""", "taskRoleArn": "arn:aws:iam::111122223333:role/admin" """), Namespace, payments, TenantPolicy()));
    }

    [Theory]
    [InlineData("""{"matchExpressions": [{"key": "team", "operator": "In", "values": ["shop", "web"]}]}""", true)]
    [InlineData("""{"matchExpressions": [{"key": "team", "operator": "NotIn", "values": ["shop"]}]}""", false)]
    [InlineData("""{"matchExpressions": [{"key": "team", "operator": "Exists"}]}""", true)]
    [InlineData("""{"matchExpressions": [{"key": "team", "operator": "DoesNotExist"}]}""", false)]
    [InlineData("""{"matchLabels": {"team": "shop"}, "matchExpressions": [{"key": "env", "operator": "DoesNotExist"}]}""", true)]
    [InlineData("""{}""", true)]
    public void The_namespace_selector_follows_label_selector_semantics(string selector, bool selects)
    {
        var param = TenantPolicy();
        param["spec"]!["namespaceSelector"] = JsonNode.Parse(selector);
        Assert.Equal(selects, Admit(TaskDefinition(""", "taskRoleArn": "arn:aws:iam::111122223333:role/admin" """), param).Count == 1);
    }

    [Fact]
    public void A_foreign_family_is_refused_and_the_default_family_admitted()
    {
        Assert.Equal(
            "task-definition family payments-api does not start with shop_ (taskDefinitionFamilyPrefix of EcsTenantPolicy shop); "
            + "name a family that starts with shop_, or have an admin change taskDefinitionFamilyPrefix of EcsTenantPolicy shop",
            Assert.Single(Admit(Manifest("EcsTaskDefinition", """{"family": "payments-api", "containerDefinitions": [{"name": "web"}]}"""))));
        Assert.Single(Admit(Manifest("EcsService", """{"cluster": "shop_prod", "taskDefinitionTemplate": {"family": "payments-api", "containerDefinitions": [{"name": "web"}]}}""")));
        // No family: the operator registers <namespace>_svc_<name>, shop_svc_web.
        Assert.Empty(Admit(Manifest("EcsService", """{"cluster": "shop_prod", "taskDefinitionTemplate": {"containerDefinitions": [{"name": "web"}]}}""")));
        Assert.Empty(Admit(Manifest("EcsTaskDefinition", """{"containerDefinitions": [{"name": "web"}]}"""), NoPrefix()));
    }

    private static JsonNode NoPrefix(string extra = "")
    {
        var param = TenantPolicy(extra);
        param["spec"]!.AsObject().Remove("taskDefinitionFamilyPrefix");
        return param;
    }

    private static JsonNode Prefix(string prefix)
    {
        var param = TenantPolicy();
        param["spec"]!["taskDefinitionFamilyPrefix"] = prefix;
        return param;
    }

    private static JsonNode DefaultTaskDefinition() => Manifest("EcsTaskDefinition", """{"containerDefinitions": [{"name": "web"}]}""");

    private static JsonNode DefaultInlineService() =>
        Manifest("EcsService", """{"cluster": "shop_prod", "taskDefinitionTemplate": {"containerDefinitions": [{"name": "web"}]}}""");

    private static JsonNode Stored(JsonNode manifest, string status)
    {
        var stored = manifest.DeepClone();
        stored["status"] = JsonNode.Parse(status);
        return stored;
    }

    [Theory]
    [InlineData("shop-b_td_web")] // namespace shop-b's default family
    [InlineData("shop-b-td_web")] // and its default before the '_' separator
    [InlineData("shop-web")] // a '-' name chosen before the upgrade: no grace
    public void The_default_prefix_does_not_reach_a_namespace_that_extends_the_name(string family)
    {
        var manifest = Manifest("EcsTaskDefinition", $$"""{"family": "{{family}}", "containerDefinitions": [{"name": "web"}]}""");
        Assert.Single(Admit(manifest, NoPrefix()));
        Assert.Single(Admit(manifest, NoPrefix(), stored: Stored(manifest, $$"""{"family": "{{family}}"}""")));
        var external = Task();
        external["spec"]!.AsObject().Remove("taskDefinitionRef");
        external["spec"]!["taskDefinition"] = family + ":3";
        Assert.Single(Admit(external, NoPrefix(""", "allowExternalTaskDefinitions": true""")));
    }

    [Theory]
    [InlineData("shop-web")] // before issue 15
    [InlineData("shop-td_web")] // issue 15's '-' scheme
    public void An_update_of_an_object_that_keeps_its_earlier_default_is_admitted_where_its_current_default_would_be(string earlier)
    {
        var stored = Stored(DefaultTaskDefinition(), $$"""{"family": "{{earlier}}"}""");
        Assert.Empty(Admit(DefaultTaskDefinition(), NoPrefix(), stored: stored));
        Assert.Empty(Admit(DefaultTaskDefinition(), Prefix("shop-"), stored: stored)); // the kept family starts with shop-
        // An admin's prefix that excludes the defaults excludes the kept one too.
        Assert.Single(Admit(DefaultTaskDefinition(), Prefix("shop_prod_"), stored: stored));
        // A fresh default under a kept '-' prefix is refused: the admin must move the prefix to shop_.
        Assert.Single(Admit(DefaultTaskDefinition(), Prefix("shop-")));
    }

    [Theory]
    [InlineData("shop-web")]
    [InlineData("shop-svc_web")]
    public void An_update_of_a_service_whose_inline_template_keeps_its_earlier_default_is_admitted(string earlier)
    {
        var stored = Stored(DefaultInlineService(), $$"""{"taskDefinitionArn": "arn:aws:ecs:eu-west-1:111122223333:task-definition/{{earlier}}:4"}""");
        Assert.Empty(Admit(DefaultInlineService(), Prefix("shop-"), stored: stored));
        Assert.Single(Admit(DefaultInlineService(), Prefix("shop-")));
    }

    [Fact]
    public void A_status_family_that_is_not_the_objects_own_earlier_default_gives_no_grace()
    {
        // shop-b-td_web is the earlier default of shop-b/web, not of shop/web: the current default shop_td_web applies.
        var stored = Stored(DefaultTaskDefinition(), """{"family": "shop-b-td_web"}""");
        Assert.Single(Admit(DefaultTaskDefinition(), Prefix("shop-"), stored: stored));
        Assert.Empty(Admit(DefaultTaskDefinition(), NoPrefix(), stored: stored));
    }

    [Theory]
    [InlineData("EcsService", "payments-prod", false)]
    [InlineData("EcsService", "arn:aws:ecs:eu-west-1:111122223333:cluster/payments-prod", false)]
    [InlineData("EcsService", "arn:aws:ecs:eu-west-1:111122223333:cluster/shop_prod", true)]
    [InlineData("EcsTask", "payments-prod", false)]
    [InlineData("EcsTask", "shop_batch", true)]
    [InlineData("EcsTask", "shop-batch", false)]
    public void Foreign_clusters_are_refused_by_name_or_arn(string kind, string cluster, bool admitted)
    {
        var manifest = kind == "EcsService" ? Service() : Task();
        manifest["spec"]!["cluster"] = cluster;
        var messages = Admit(manifest);
        Assert.Equal(admitted, messages.Count == 0);
        if (!admitted)
            Assert.Equal($"cluster {cluster} is not in allowedClusters of EcsTenantPolicy shop", Assert.Single(messages));
    }

    [Fact]
    public void The_implicit_default_cluster_and_foreign_ecs_cluster_names_are_refused_while_clusterRef_is_admitted()
    {
        var none = Service();
        none["spec"]!.AsObject().Remove("cluster");
        Assert.Equal("cluster default is not in allowedClusters of EcsTenantPolicy shop", Assert.Single(Admit(none)));
        var byRef = Service();
        byRef["spec"]!.AsObject().Remove("cluster");
        byRef["spec"]!["clusterRef"] = new JsonObject { ["name"] = "prod" };
        Assert.Empty(Admit(byRef));
        Assert.Single(Admit(Manifest("EcsCluster", """{"clusterName": "payments"}""")));
        Assert.Single(Admit(Manifest("EcsCluster", "{}"))); // named after the object: web
    }

    [Theory]
    [InlineData("shop_web:3", false, false)]
    [InlineData("shop_web:3", true, true)]
    [InlineData("shop_web", true, true)]
    [InlineData("arn:aws:ecs:eu-west-1:111122223333:task-definition/shop_web:3", true, true)]
    [InlineData("shop-web:3", true, false)]
    [InlineData("payments-api:7", true, false)]
    [InlineData("arn:aws:ecs:eu-west-1:111122223333:task-definition/payments-api:7", true, false)]
    public void External_task_definitions_need_permission_and_the_namespace_family(string reference, bool allowed, bool admitted)
    {
        var param = TenantPolicy(allowed ? """, "allowExternalTaskDefinitions": true""" : "");
        foreach (var manifest in new[] { Service(), Task() })
        {
            manifest["spec"]!.AsObject().Remove("taskDefinitionRef");
            manifest["spec"]!["taskDefinition"] = reference;
            Assert.Equal(admitted, Admit(manifest, param).Count == 0);
        }
    }

    [Fact]
    public void Adoption_is_refused_unless_allowed()
    {
        Assert.Single(Admit(Service(""", "adoptionPolicy": "Adopt" """)));
        Assert.Single(Admit(Cluster(""", "adoptionPolicy": "Adopt" """)));
        Assert.Empty(Admit(Cluster(""", "adoptionPolicy": "Adopt" """), TenantPolicy(""", "allowAdoption": true""")));
        Assert.Empty(Admit(Cluster(""", "adoptionPolicy": "None" """)));
    }

    [Fact]
    public void Privileged_containers_and_host_namespaces_are_refused_unless_allowed()
    {
        var privileged = Manifest("EcsTaskDefinition", """{"family": "shop_web", "containerDefinitions": [{"name": "web", "privileged": true}]}""");
        Assert.Equal("privileged containers are not allowed (allowPrivileged of EcsTenantPolicy shop)", Assert.Single(Admit(privileged)));
        Assert.Empty(Admit(privileged, TenantPolicy(""", "allowPrivileged": true""")));
        foreach (var mode in new[] { "networkMode", "pidMode", "ipcMode" })
        {
            Assert.Single(Admit(TaskDefinition($$""", "{{mode}}": "host" """)));
            Assert.Empty(Admit(TaskDefinition($$""", "{{mode}}": "host" """), TenantPolicy(""", "allowHostNamespaces": true""")));
        }

        Assert.Single(Admit(Manifest("EcsService", """{"cluster": "shop_prod", "taskDefinitionTemplate": {"networkMode": "host", "containerDefinitions": [{"name": "web"}]}}""")));
        Assert.Empty(Admit(TaskDefinition(""", "networkMode": "awsvpc", "pidMode": "task" """)));
    }

    [Fact]
    public void Desired_count_above_the_limit_is_refused()
    {
        var over = Service();
        over["spec"]!["desiredCount"] = 11;
        Assert.Equal("spec.desiredCount 11 is more than 10 (maxDesiredCount of EcsTenantPolicy shop)", Assert.Single(Admit(over)));
        over["spec"]!["desiredCount"] = 10;
        Assert.Empty(Admit(over));
    }

    [Fact]
    public void The_binding_denies_and_uses_every_tenant_policy_as_a_param()
    {
        var documents = AdmissionPolicy.Documents("admission-policy.yaml");
        var policy = documents.Single(d => d["kind"]!.GetValue<string>() == "ValidatingAdmissionPolicy");
        Assert.Equal("admissionregistration.k8s.io/v1", policy["apiVersion"]!.GetValue<string>());
        Assert.Equal(EcsTenantPolicy.KindName, policy["spec"]!["paramKind"]!["kind"]!.GetValue<string>());
        Assert.Equal("Fail", policy["spec"]!["failurePolicy"]!.GetValue<string>());
        var binding = documents.Single(d => d["kind"]!.GetValue<string>() == "ValidatingAdmissionPolicyBinding");
        Assert.Equal(["Deny"], binding["spec"]!["validationActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("Deny", binding["spec"]!["paramRef"]!["parameterNotFoundAction"]!.GetValue<string>());
        Assert.Empty(binding["spec"]!["paramRef"]!["selector"]!.AsObject());
        Assert.Equal(
            Kinds.All.Select(k => k.Plural).Order(StringComparer.Ordinal),
            policy["spec"]!["matchConstraints"]!["resourceRules"]![0]!["resources"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
    }
}
