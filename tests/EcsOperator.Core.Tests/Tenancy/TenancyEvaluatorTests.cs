using System.Reflection;
using System.Text.Json.Serialization;
using EcsOperator.Api.Clusters;
using EcsOperator.Api.Services;
using EcsOperator.Api.Shared;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Tenancy;
using EcsOperator.Kubernetes.Model;
using static EcsOperator.Core.Tests.Tenancy.TenancyCases;

namespace EcsOperator.Core.Tests.Tenancy;

public sealed class TenancyEvaluatorTests
{
    public static TheoryData<string> RoleFieldNames => new(RoleFields.Select(f => f.Path));

    private static IKubernetesObject WithRole(string field, string role) => RoleFields.Single(f => f.Path == field).Build(role);

    private static string PathOf(string field) => field[(field.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    [Theory]
    [MemberData(nameof(RoleFieldNames))]
    public void A_foreign_role_is_refused_in_every_role_bearing_field(string field)
    {
        var violation = Assert.Single(TenancyEvaluator.Evaluate(Policy(), WithRole(field, ForeignRole)));
        Assert.Equal(PathOf(field), violation.Field);
        Assert.Contains(ForeignRole, violation.Rule, StringComparison.Ordinal);
        Assert.Contains("allowedRoleArns of EcsTenantPolicy shop", violation.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RoleFieldNames))]
    public void A_role_the_policy_allows_passes_in_every_role_bearing_field(string field) =>
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), WithRole(field, OwnRole)));

    [Theory]
    [MemberData(nameof(RoleFieldNames))]
    public void Without_a_policy_strict_refuses_any_role_and_open_allows_it(string field)
    {
        var violation = Assert.Single(TenancyEvaluator.Evaluate(NoPolicy(TenancyMode.Strict), WithRole(field, OwnRole)));
        Assert.Equal(PathOf(field), violation.Field);
        Assert.Contains("strict default", violation.Rule, StringComparison.Ordinal);
        Assert.Empty(TenancyEvaluator.Evaluate(NoPolicy(TenancyMode.Open), WithRole(field, ForeignRole)));
    }

    [Fact]
    public void The_role_field_table_covers_every_role_bearing_field_of_the_api()
    {
        // Walk the spec types: every string property named *RoleArn or Role is a role the operator would pass to ECS.
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Walk(typeof(EcsTaskDefinitionSpec), "EcsTaskDefinition spec", found, []);
        Walk(typeof(EcsServiceSpec), "EcsService spec", found, []);
        Walk(typeof(EcsTaskSpec), "EcsTask spec", found, []);
        Walk(typeof(EcsClusterSpec), "EcsCluster spec", found, []);
        var covered = RoleFields.Select(f => f.Path.Replace("[0]", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(found, new SortedSet<string>(covered, StringComparer.Ordinal));
    }

    private static void Walk(Type type, string path, SortedSet<string> found, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicyCamel(property.Name);
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (propertyType == typeof(string))
            {
                if (property.Name.EndsWith("RoleArn", StringComparison.Ordinal) || property.Name == "Role")
                {
                    found.Add($"{path}.{name}");
                }

                continue;
            }

            var element = propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                ? propertyType.GetGenericArguments()[0]
                : propertyType;
            if (element.Namespace?.StartsWith("EcsOperator.", StringComparison.Ordinal) == true && element.IsClass)
            {
                Walk(element, $"{path}.{name}", found, [.. seen]);
            }
        }
    }

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    [Fact]
    public void A_foreign_task_definition_family_is_refused()
    {
        var violation = Assert.Single(TenancyEvaluator.Evaluate(Policy(), TaskDefinition(s => s with { Family = "payments-api" })));
        Assert.Equal("spec.family", violation.Field);
        Assert.Contains("does not start with 'shop_'", violation.Rule, StringComparison.Ordinal);

        var inline = Assert.Single(TenancyEvaluator.Evaluate(Policy(), ServiceWithTemplate(t => t with { Family = "payments-api" })));
        Assert.Equal("spec.taskDefinitionTemplate.family", inline.Field);
    }

    [Fact]
    public void The_default_family_of_the_namespace_passes_the_default_prefix()
    {
        // No family and no prefix in the policy: the family is shop_td_web, the prefix "shop_".
        var policy = Policy(ShopPolicy with { TaskDefinitionFamilyPrefix = null });
        Assert.Empty(TenancyEvaluator.Evaluate(policy, TaskDefinition(s => s with { Family = null })));
        Assert.Empty(TenancyEvaluator.Evaluate(policy, ServiceWithTemplate(t => t)));
        Assert.Single(TenancyEvaluator.Evaluate(policy, TaskDefinition(s => s with { Family = "shopping-web" })));
        Assert.Single(TenancyEvaluator.Evaluate(policy, TaskDefinition(s => s with { Family = "shop-web" })));
    }

    [Theory]
    [InlineData("payments-prod")]
    [InlineData("arn:aws:ecs:eu-west-1:111122223333:cluster/payments-prod")]
    public void A_foreign_cluster_is_refused_by_name_or_arn(string cluster)
    {
        Assert.Equal("spec.cluster", Assert.Single(TenancyEvaluator.Evaluate(Policy(), Service(s => s with { Cluster = cluster }))).Field);
        Assert.Equal("spec.cluster", Assert.Single(TenancyEvaluator.Evaluate(Policy(), Task(s => s with { Cluster = cluster }))).Field);
        Assert.Equal("spec.clusterName", Assert.Single(TenancyEvaluator.Evaluate(Policy(),
            Cluster(s => s with { ClusterName = EcsOperator.Core.Arns.EcsNames.ClusterName(cluster) }))).Field);
    }

    [Fact]
    public void Own_clusters_pass_by_name_arn_and_clusterRef_while_the_implicit_default_cluster_is_refused()
    {
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), Service(s => s with { Cluster = "arn:aws:ecs:eu-west-1:111122223333:cluster/shop_prod" })));
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), Service(s => s with { Cluster = null, ClusterRef = new() { Name = "prod" } })));
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), Cluster()));
        var violation = Assert.Single(TenancyEvaluator.Evaluate(Policy(), Task(s => s with { Cluster = null })));
        Assert.Contains("cluster default", violation.Rule, StringComparison.Ordinal);
        // An EcsCluster without clusterName is named after the object: "prod" is not a shop_* cluster.
        Assert.Single(TenancyEvaluator.Evaluate(Policy(), Cluster(s => s with { ClusterName = null })));
    }

    [Theory]
    [InlineData("shop_web:3")]
    [InlineData("payments-api:7")]
    [InlineData("arn:aws:ecs:eu-west-1:111122223333:task-definition/shop_web:3")]
    public void External_task_definitions_are_refused_without_permission(string reference)
    {
        var service = Assert.Single(TenancyEvaluator.Evaluate(Policy(), Service(s => s with { TaskDefinitionRef = null, TaskDefinition = reference })));
        Assert.Equal("spec.taskDefinition", service.Field);
        Assert.Contains("allowExternalTaskDefinitions", service.Rule, StringComparison.Ordinal);
        Assert.Equal("spec.taskDefinition", Assert.Single(TenancyEvaluator.Evaluate(Policy(), Task(s => s with { TaskDefinitionRef = null, TaskDefinition = reference }))).Field);
    }

    [Theory]
    [InlineData("shop_web:3", true)]
    [InlineData("shop_web", true)]
    [InlineData("arn:aws:ecs:eu-west-1:111122223333:task-definition/shop_web:3", true)]
    [InlineData("payments-api:7", false)]
    [InlineData("arn:aws:ecs:eu-west-1:111122223333:task-definition/payments-api:7", false)]
    public void Allowed_external_task_definitions_must_still_be_of_the_namespace_family(string reference, bool allowed)
    {
        var policy = Policy(ShopPolicy with { AllowExternalTaskDefinitions = true });
        var violations = TenancyEvaluator.Evaluate(policy, Task(s => s with { TaskDefinitionRef = null, TaskDefinition = reference }));
        Assert.Equal(allowed, violations.Count == 0);
    }

    [Fact]
    public void Adoption_is_refused_unless_the_policy_allows_it()
    {
        Assert.Equal("spec.adoptionPolicy", Assert.Single(TenancyEvaluator.Evaluate(Policy(), Service(s => s with { AdoptionPolicy = AdoptionPolicy.Adopt }))).Field);
        Assert.Equal("spec.adoptionPolicy", Assert.Single(TenancyEvaluator.Evaluate(Policy(), Cluster(s => s with { AdoptionPolicy = AdoptionPolicy.Adopt }))).Field);
        var allowing = Policy(ShopPolicy with { AllowAdoption = true });
        Assert.Empty(TenancyEvaluator.Evaluate(allowing, Service(s => s with { AdoptionPolicy = AdoptionPolicy.Adopt })));
        Assert.Empty(TenancyEvaluator.Evaluate(allowing, Cluster(s => s with { AdoptionPolicy = AdoptionPolicy.Adopt })));
    }

    [Fact]
    public void Secrets_outside_the_allowed_prefixes_are_refused_wherever_they_are_named()
    {
        const string foreign = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments/db";
        const string own = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db";
        ContainerDefinition Named(string secret) => WebContainer with
        {
            Secrets = [new Secret { Name = "DB", ValueFrom = secret }],
            RepositoryCredentials = new RepositoryCredentials { CredentialsParameter = secret },
            LogConfiguration = new LogConfiguration { LogDriver = "awsfirelens", SecretOptions = [new Secret { Name = "key", ValueFrom = secret }] },
        };

        var violations = TenancyEvaluator.Evaluate(Policy(), TaskDefinition(s => s with { ContainerDefinitions = [Named(foreign)] }));
        Assert.Equal(
            ["spec.containerDefinitions[0].secrets[0].valueFrom", "spec.containerDefinitions[0].logConfiguration.secretOptions[0].valueFrom", "spec.containerDefinitions[0].repositoryCredentials.credentialsParameter"],
            violations.Select(v => v.Field));
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), TaskDefinition(s => s with { ContainerDefinitions = [Named(own)] })));
        Assert.Equal(3, TenancyEvaluator.Evaluate(Policy(), ServiceWithTemplate(t => t with { ContainerDefinitions = [Named(foreign)] })).Count);
    }

    [Fact]
    public void Target_groups_outside_the_allowed_patterns_are_refused()
    {
        const string foreign = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/payments-api/0123456789abcdef";
        const string own = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/shop-web/0123456789abcdef";
        EcsService With(string arn) => Service(s => s with
        {
            LoadBalancers = [new LoadBalancer { TargetGroupArn = arn, ContainerName = "web", ContainerPort = 80, AdvancedConfiguration = new AdvancedConfiguration { AlternateTargetGroupArn = arn } }],
            VpcLatticeConfigurations = [new VpcLatticeConfiguration { TargetGroupArn = arn, PortName = "http" }],
        });

        Assert.Equal(
            ["spec.loadBalancers[0].targetGroupArn", "spec.loadBalancers[0].advancedConfiguration.alternateTargetGroupArn", "spec.vpcLatticeConfigurations[0].targetGroupArn"],
            TenancyEvaluator.Evaluate(Policy(), With(foreign)).Select(v => v.Field));
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), With(own)));
    }

    [Fact]
    public void Privileged_containers_and_host_namespaces_are_refused_unless_allowed()
    {
        EcsTaskDefinition Risky() => TaskDefinition(s => s with
        {
            NetworkMode = "host",
            PidMode = "host",
            IpcMode = "host",
            ContainerDefinitions = [WebContainer with { Privileged = true }],
        });

        Assert.Equal(
            ["spec.networkMode", "spec.pidMode", "spec.ipcMode", "spec.containerDefinitions[0].privileged"],
            TenancyEvaluator.Evaluate(Policy(), Risky()).Select(v => v.Field));
        Assert.Equal(
            ["spec.taskDefinitionTemplate.networkMode"],
            TenancyEvaluator.Evaluate(Policy(), ServiceWithTemplate(t => t with { NetworkMode = "host" })).Select(v => v.Field));
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(ShopPolicy with { AllowPrivileged = true, AllowHostNamespaces = true }), Risky()));
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), TaskDefinition(s => s with { NetworkMode = "awsvpc", PidMode = "task", IpcMode = "none" })));
    }

    [Fact]
    public void Desired_count_and_max_capacity_are_bounded()
    {
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), Service(s => s with { DesiredCount = 10 })));
        var desired = Assert.Single(TenancyEvaluator.Evaluate(Policy(), Service(s => s with { DesiredCount = 11 })));
        Assert.Equal("spec.desiredCount", desired.Field);
        Assert.Contains("11 is more than 10 (maxDesiredCount", desired.Rule, StringComparison.Ordinal);
        var capacity = Assert.Single(TenancyEvaluator.Evaluate(Policy(), Service(s => s with { AutoScaling = new ServiceAutoScaling { MinCapacity = 1, MaxCapacity = 21 } })));
        Assert.Equal("spec.autoScaling.maxCapacity", capacity.Field);
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(ShopPolicy with { MaxDesiredCount = null, MaxCapacity = null }), Service(s => s with { DesiredCount = 500 })));
    }

    [Fact]
    public void A_compliant_object_of_every_kind_passes()
    {
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), TaskDefinition(s => s with { TaskRoleArn = OwnRole, ExecutionRoleArn = OwnRole })));
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), Service()));
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), Task()));
        Assert.Empty(TenancyEvaluator.Evaluate(Policy(), Cluster()));
    }

    [Fact]
    public void The_message_names_each_field_and_rule()
    {
        var violations = TenancyEvaluator.Evaluate(Policy(), Service(s => s with { Role = ForeignRole, AdoptionPolicy = AdoptionPolicy.Adopt }));
        var message = TenancyEvaluator.Message(violations);
        Assert.StartsWith("refused by tenancy policy: spec.role: role " + ForeignRole, message, StringComparison.Ordinal);
        Assert.Contains("; spec.adoptionPolicy: adopting existing AWS resources is not allowed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ambiguous_namespace_is_refused_whatever_the_object()
    {
        var tenancy = TenantPolicyResolver.Resolve(
            TenantNamespace,
            new Dictionary<string, string> { ["team"] = "shop" },
            [
                new Api.Tenancy.EcsTenantPolicy { Metadata = new() { Name = "shop" }, Spec = ShopPolicy },
                new Api.Tenancy.EcsTenantPolicy { Metadata = new() { Name = "everyone" }, Spec = ShopPolicy with { NamespaceSelector = new() } },
            ],
            TenancyMode.Open);
        var violation = Assert.Single(TenancyEvaluator.Evaluate(tenancy, Cluster()));
        Assert.Equal("metadata.namespace", violation.Field);
        Assert.Contains("ambiguous policy", violation.Rule, StringComparison.Ordinal);
        Assert.Contains("everyone, shop", violation.Rule, StringComparison.Ordinal);
        Assert.Null(tenancy.AwsRoleArn);
        Assert.False(tenancy.MayUseOperatorPrincipal);
    }
}
