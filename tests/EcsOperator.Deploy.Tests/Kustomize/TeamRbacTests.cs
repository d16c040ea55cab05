using EcsOperator.KubeApiServer;

namespace EcsOperator.Deploy.Tests.Kustomize;

/// <summary>
/// RBAC for people: a tenant role (services, task definitions, tasks) apart from a platform role (clusters, capacity
/// providers, tenancy policy), and aggregation into the default admin/edit/view roles only when opted in.
/// </summary>
public sealed class TeamRbacTests
{
    private static readonly string[] TenantKinds = ["ecsservices", "ecstaskdefinitions", "ecstasks"];

    private static readonly string[] PlatformKinds = ["ecsclusters", "ecscapacityproviders", "ecstenantpolicies"];

    private static readonly string[] AggregationLabels =
    [
        "rbac.authorization.k8s.io/aggregate-to-admin", "rbac.authorization.k8s.io/aggregate-to-edit", "rbac.authorization.k8s.io/aggregate-to-view",
    ];

    private static bool Aggregates(JsonObject role) =>
        role["metadata"]?["labels"]?.AsObject().Any(l => AggregationLabels.Contains(l.Key) && l.Value?.GetValue<string>() == "true") == true;

    /// <summary>The kinds (resources without subresource) a role grants any verb on, in our API group.</summary>
    private static HashSet<string> KindsOf(JsonObject role) =>
        RbacRule.Of(role).Where(r => r.ApiGroups.Contains(Api.ApiGroup.Group)).SelectMany(r => r.Resources).Select(r => r.Split('/')[0]).ToHashSet();

    [Fact]
    public void The_default_install_and_the_overlay_aggregate_nothing_into_the_default_roles()
    {
        foreach (var rendered in new[] { DeployDirectories.RenderedDefault, DeployDirectories.RenderedSingleNamespace })
            Assert.DoesNotContain(rendered.OfKind("ClusterRole"), Aggregates);
    }

    [Fact]
    public void The_tenant_and_platform_roles_are_disjoint_and_cover_their_kinds()
    {
        var rendered = DeployDirectories.RenderedDefault;
        var tenant = rendered.Single("ClusterRole", "ecs-operator-tenant");
        var platform = rendered.Single("ClusterRole", "ecs-operator-platform");
        Assert.Equal(TenantKinds.Order(StringComparer.Ordinal), KindsOf(tenant).Order(StringComparer.Ordinal));
        Assert.Equal(PlatformKinds.Order(StringComparer.Ordinal), KindsOf(platform).Order(StringComparer.Ordinal));

        foreach (var (role, kinds) in new[] { (tenant, TenantKinds), (platform, PlatformKinds) })
        {
            var rules = RbacRule.Of(role);
            Assert.DoesNotContain(rules, r => r.ApiGroups.Contains("*") || r.Resources.Contains("*") || r.Verbs.Contains("*"));
            Assert.DoesNotContain(rules, r => r.ApiGroups.Any(g => g != Api.ApiGroup.Group));
            foreach (var kind in kinds)
            {
                foreach (var verb in new[] { "get", "list", "watch", "create", "update", "patch", "delete" })
                    Assert.True(rules.Any(r => r.Allows(Api.ApiGroup.Group, kind, verb, null)), $"{Rendered.Name(role)} cannot {verb} {kind}");
                // Status is the operator's to write: people read it.
                Assert.DoesNotContain(rules, r => r.Allows(Api.ApiGroup.Group, kind + "/status", "update", null) || r.Allows(Api.ApiGroup.Group, kind + "/status", "patch", null));
            }
        }

        // Neither role is bound by the install: who is a tenant or the platform team is the cluster admin's call.
        Assert.DoesNotContain(rendered.OfKind("ClusterRoleBinding").Concat(rendered.OfKind("RoleBinding")),
            b => b["roleRef"]!["name"]!.GetValue<string>() is "ecs-operator-tenant" or "ecs-operator-platform");
    }

    [Fact]
    public void The_aggregation_component_grants_the_default_roles_the_tenant_kinds_only()
    {
        var rendered = DeployDirectories.RenderedWithAggregatedRoles;
        var aggregated = rendered.OfKind("ClusterRole").Where(Aggregates).ToList();
        Assert.NotEmpty(aggregated);
        Assert.All(aggregated, role => Assert.Subset(TenantKinds.ToHashSet(), KindsOf(role)));
        var edit = Assert.Single(aggregated, r => r["metadata"]!["labels"]!["rbac.authorization.k8s.io/aggregate-to-edit"]?.GetValue<string>() == "true");
        Assert.Equal("true", edit["metadata"]!["labels"]!["rbac.authorization.k8s.io/aggregate-to-admin"]?.GetValue<string>());
        Assert.Equal(TenantKinds.Order(StringComparer.Ordinal), KindsOf(edit).Order(StringComparer.Ordinal));
        var view = Assert.Single(aggregated, r => r["metadata"]!["labels"]!["rbac.authorization.k8s.io/aggregate-to-view"]?.GetValue<string>() == "true");
        Assert.All(RbacRule.Of(view), r => Assert.Subset(new HashSet<string> { "get", "list", "watch" }, r.Verbs.ToHashSet()));

        // Opting in adds the aggregated roles and changes nothing else.
        var key = (JsonObject o) => $"{o["kind"]}/{Rendered.Namespace(o)}/{Rendered.Name(o)}";
        var added = rendered.Objects.Select(key).Except(DeployDirectories.RenderedDefault.Objects.Select(key)).Order(StringComparer.Ordinal);
        Assert.Equal(aggregated.Select(key).Order(StringComparer.Ordinal), added);
        Assert.All(DeployDirectories.RenderedDefault.Objects, o => Assert.True(JsonNode.DeepEquals(o, rendered.Objects.Single(r => key(r) == key(o)))));
    }

    [Fact]
    public async Task Kubectl_kustomize_renders_the_aggregation_component_like_the_test_renderer()
    {
        Assert.SkipUnless(Support.ProcessRunner.IsOnPath("kubectl"), "kubectl is not installed: the built-in renderer is the check here");
        var directory = DeployDirectories.UserKustomizationWithAggregatedRoles();
        var result = await Support.ProcessRunner.TryRunAsync("kubectl", ["kustomize", directory], TimeSpan.FromSeconds(60));
        Assert.NotNull(result);
        Assert.True(result.ExitCode == 0, $"kubectl kustomize failed:\n{result.StandardError}");
        var key = (JsonNode o) => $"{o["kind"]}/{Rendered.Namespace(o)}/{Rendered.Name(o)}";
        var real = YamlToJson.ParseDocuments(result.StandardOutput).Select(o => o!.AsObject()).ToDictionary(key);
        var ours = DeployDirectories.RenderedWithAggregatedRoles.Objects.ToDictionary(key);
        Assert.Equal(real.Keys.Order(StringComparer.Ordinal), ours.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, obj) in ours)
            Assert.True(JsonNode.DeepEquals(real[name], obj), $"{name} differs");
    }

    [Fact]
    public void The_single_namespace_overlay_ships_the_same_tenant_role_and_the_namespaced_platform_kinds_as_roles()
    {
        var overlay = DeployDirectories.RenderedSingleNamespace;
        var watched = Assert.Single(overlay.Args, a => a.StartsWith("--namespace=", StringComparison.Ordinal))["--namespace=".Length..];
        var tenant = overlay.Single("Role", "ecs-operator-tenant");
        Assert.Equal(watched, Rendered.Namespace(tenant));
        Assert.True(JsonNode.DeepEquals(DeployDirectories.RenderedDefault.Single("ClusterRole", "ecs-operator-tenant")["rules"], tenant["rules"]));

        var platform = overlay.Single("Role", "ecs-operator-platform");
        Assert.Equal(watched, Rendered.Namespace(platform));
        // EcsTenantPolicy is cluster-scoped: a Role cannot grant it.
        Assert.Equal(PlatformKinds.Where(k => k != "ecstenantpolicies").Order(StringComparer.Ordinal), KindsOf(platform).Order(StringComparer.Ordinal));
    }
}
