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
            "allowedClusters": ["shop-*"],
            "taskDefinitionFamilyPrefix": "shop-",
            "maxDesiredCount": 10
            {{{extra}}}
          }
        }
        """)!;

    private static JsonNode Manifest(string kind, string spec) => JsonNode.Parse($$"""
        {"apiVersion": "ecs.operator.dev/v1alpha1", "kind": "{{kind}}", "metadata": {"name": "web", "namespace": "shop"}, "spec": {{spec}}}
        """)!;

    private static JsonNode TaskDefinition(string extra = "") =>
        Manifest("EcsTaskDefinition", $$"""{"family": "shop-web", "containerDefinitions": [{"name": "web", "image": "nginx"}] {{extra}}}""");

    private static JsonNode Service(string extra = "") =>
        Manifest("EcsService", $$"""{"cluster": "shop-prod", "taskDefinitionRef": {"name": "web"}, "desiredCount": 2 {{extra}}}""");

    private static JsonNode Task(string extra = "") =>
        Manifest("EcsTask", $$"""{"cluster": "shop-prod", "taskDefinitionRef": {"name": "web"} {{extra}}}""");

    private static JsonNode Cluster(string extra = "") => Manifest("EcsCluster", $$"""{"clusterName": "shop-prod" {{extra}}}""");

    /// <summary>Every role-bearing field, as a manifest naming <c>{0}</c> there.</summary>
    public static TheoryData<string, string> RoleFields => new()
    {
        { "EcsTaskDefinition", """, "taskRoleArn": "{0}" """ },
        { "EcsTaskDefinition", """, "executionRoleArn": "{0}" """ },
        { "EcsService template", """, "taskDefinitionTemplate": {"family": "shop-web", "taskRoleArn": "{0}", "containerDefinitions": [{"name": "web"}]} """ },
        { "EcsService template", """, "taskDefinitionTemplate": {"family": "shop-web", "executionRoleArn": "{0}", "containerDefinitions": [{"name": "web"}]} """ },
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
            "EcsService template" => Manifest("EcsService", $$"""{"cluster": "shop-prod" {{text}}}"""),
            _ => Task(text),
        };
    }

    /// <summary>The admission verdict, checked against the operator's evaluator on the same manifest.</summary>
    private static IReadOnlyList<string> Admit(JsonNode manifest, JsonNode? param = null, IReadOnlyDictionary<string, string>? labels = null)
    {
        param ??= TenantPolicy();
        labels ??= ShopLabels;
        var messages = Policy.Evaluate(manifest, Namespace, labels, param);

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
            "task-definition family payments-api does not start with shop- (taskDefinitionFamilyPrefix of EcsTenantPolicy shop)",
            Assert.Single(Admit(Manifest("EcsTaskDefinition", """{"family": "payments-api", "containerDefinitions": [{"name": "web"}]}"""))));
        Assert.Single(Admit(Manifest("EcsService", """{"cluster": "shop-prod", "taskDefinitionTemplate": {"family": "payments-api", "containerDefinitions": [{"name": "web"}]}}""")));
        // No family: the operator registers <namespace>-<name>, shop-web.
        Assert.Empty(Admit(Manifest("EcsService", """{"cluster": "shop-prod", "taskDefinitionTemplate": {"containerDefinitions": [{"name": "web"}]}}""")));
        var noPrefix = TenantPolicy();
        noPrefix["spec"]!.AsObject().Remove("taskDefinitionFamilyPrefix");
        Assert.Empty(Admit(Manifest("EcsTaskDefinition", """{"containerDefinitions": [{"name": "web"}]}"""), noPrefix));
    }

    [Theory]
    [InlineData("EcsService", "payments-prod", false)]
    [InlineData("EcsService", "arn:aws:ecs:eu-west-1:111122223333:cluster/payments-prod", false)]
    [InlineData("EcsService", "arn:aws:ecs:eu-west-1:111122223333:cluster/shop-prod", true)]
    [InlineData("EcsTask", "payments-prod", false)]
    [InlineData("EcsTask", "shop-batch", true)]
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
    [InlineData("shop-web:3", false, false)]
    [InlineData("shop-web:3", true, true)]
    [InlineData("shop-web", true, true)]
    [InlineData("arn:aws:ecs:eu-west-1:111122223333:task-definition/shop-web:3", true, true)]
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
        var privileged = Manifest("EcsTaskDefinition", """{"family": "shop-web", "containerDefinitions": [{"name": "web", "privileged": true}]}""");
        Assert.Equal("privileged containers are not allowed (allowPrivileged of EcsTenantPolicy shop)", Assert.Single(Admit(privileged)));
        Assert.Empty(Admit(privileged, TenantPolicy(""", "allowPrivileged": true""")));
        foreach (var mode in new[] { "networkMode", "pidMode", "ipcMode" })
        {
            Assert.Single(Admit(TaskDefinition($$""", "{{mode}}": "host" """)));
            Assert.Empty(Admit(TaskDefinition($$""", "{{mode}}": "host" """), TenantPolicy(""", "allowHostNamespaces": true""")));
        }

        Assert.Single(Admit(Manifest("EcsService", """{"cluster": "shop-prod", "taskDefinitionTemplate": {"networkMode": "host", "containerDefinitions": [{"name": "web"}]}}""")));
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
