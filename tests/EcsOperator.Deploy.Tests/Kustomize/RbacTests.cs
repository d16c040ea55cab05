using System.Reflection;
using EcsOperator.Hosting;
using EcsOperator.Kubernetes.Leader;
using RestResourceType = EcsOperator.Kubernetes.Rest.ResourceType;

namespace EcsOperator.Deploy.Tests.Kustomize;

/// <summary>
/// The RBAC in deploy/ allows what the client code does and little more. The resource types come from the code by
/// reflection (the Kubernetes client's well-known types and <see cref="OperatorResourceTypes"/>), so a new type
/// the operator starts using fails here until its rule and an expectation exist.
/// </summary>
public sealed class RbacTests
{
    private const string OperatorRole = "ecs-operator";

    /// <summary>What the code does with each resource type, and where the rule must live.</summary>
    private sealed record Need(string Group, string Resource, string[] Verbs, Scope Scope, string? Name = null);

    private enum Scope
    {
        /// <summary>Wherever the watched objects are: the ClusterRole, or the overlay's Role in the watched namespace.</summary>
        Watched,

        /// <summary>The operator's own namespace (leader election).</summary>
        Own,

        /// <summary>Cluster-scoped objects (the kube-system Namespace for the default cluster id).</summary>
        Cluster,
    }

    private static IEnumerable<RestResourceType> ResourceTypesTheCodeUses() =>
        typeof(RestResourceType).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RestResourceType)).Select(f => (RestResourceType)f.GetValue(null)!)
            .Concat(typeof(OperatorResourceTypes).GetProperties(BindingFlags.Public | BindingFlags.Static)
                .Concat(typeof(TenancyRegistration).GetProperties(BindingFlags.Public | BindingFlags.Static))
                .Where(p => p.PropertyType == typeof(RestResourceType)).Select(p => (RestResourceType)p.GetValue(null)!));

    private static IReadOnlyList<Need> NeedsOf(RestResourceType type)
    {
        var ours = Api.Kinds.All.Any(k => k.Group == type.Group && k.Plural == type.Plural);
        if (ours)
        {
            return
            [
                // Informers list and watch; ObjectUpdates re-reads on conflict and replaces the object to add or
                // remove the cleanup finalizer; status writes replace the status subresource.
                new(type.Group, type.Plural, ["get", "list", "watch", "update"], Scope.Watched),
                new(type.Group, type.Plural + "/status", ["update"], Scope.Watched),
                new(type.Group, type.Plural + "/finalizers", ["update"], Scope.Watched),
                .. type.Plural == Api.Kinds.Task.Plural
                    // ttlSecondsAfterFinished: the EcsTask reconciler deletes a finished task's object.
                    ? new[] { new Need(type.Group, type.Plural, ["delete"], Scope.Watched) }
                    : [],
            ];
        }

        return (type.Group, type.Plural) switch
        {
            // EventRecorder creates events and patches the series count of a repeated one.
            ("events.k8s.io", "events") => [new(type.Group, type.Plural, ["create", "patch"], Scope.Watched)],
            // KubernetesLeaseLock: get, create once, renew by replace.
            ("coordination.k8s.io", "leases") => [new(type.Group, type.Plural, ["get", "update"], Scope.Own, new LeaderElectionOptions().LeaseName), new(type.Group, type.Plural, ["create"], Scope.Own)],
            // ClusterIdentity reads the kube-system Namespace once.
            // ClusterIdentity reads the kube-system Namespace once; tenancy's informer lists and watches all for their labels.
            ("", "namespaces") => [new(type.Group, type.Plural, ["get"], Scope.Cluster, "kube-system"), new(type.Group, type.Plural, ["list", "watch"], Scope.Cluster)],
            // Tenancy: the admin's cluster-scoped EcsTenantPolicies, read through an informer.
            ("ecs.operator.dev", "ecstenantpolicies") => [new(type.Group, type.Plural, ["list", "watch"], Scope.Cluster)],
            _ => throw new InvalidOperationException($"the code uses {type.GroupResource}: give it an RBAC rule in deploy/ and an expectation in {nameof(RbacTests)}"),
        };
    }

    private static IReadOnlyList<Need> Needs => ResourceTypesTheCodeUses().SelectMany(NeedsOf).ToList();

    [Fact]
    public void The_code_uses_our_four_kinds_events_leases_and_namespaces()
    {
        var types = ResourceTypesTheCodeUses().Select(t => t.GroupResource).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Api.Kinds.All.Select(k => $"{k.Plural}.{k.Group}").Concat(["ecstenantpolicies.ecs.operator.dev", "events.events.k8s.io", "leases.coordination.k8s.io", "namespaces"]).Order(StringComparer.Ordinal), types);
    }

    [Fact]
    public void The_default_install_allows_everything_the_code_does()
    {
        var rendered = DeployDirectories.RenderedDefault;
        var operatorNamespace = Rendered.Namespace(rendered.Deployment)!;
        var missing = new List<string>();
        foreach (var need in Needs)
        {
            var rules = need.Scope == Scope.Own ? RolesBoundInNamespace(rendered, operatorNamespace) : ClusterRolesBound(rendered);
            foreach (var verb in need.Verbs)
            {
                if (!rules.Any(r => r.Allows(need.Group, need.Resource, verb, need.Name)))
                    missing.Add($"{verb} {need.Resource}.{need.Group}{(need.Name is null ? "" : " " + need.Name)} ({need.Scope})");
            }
        }

        Assert.True(missing.Count == 0, "not allowed:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_operator_cluster_role_grants_nothing_beyond_what_the_code_does()
    {
        var rules = RbacRule.Of(DeployDirectories.RenderedDefault.Single("ClusterRole", OperatorRole));
        Assert.DoesNotContain(rules, r => r.ApiGroups.Contains("*") || r.Resources.Contains("*") || r.Verbs.Contains("*"));
        var needed = Needs.Where(n => n.Scope != Scope.Own).SelectMany(n => n.Verbs.Select(v => (n.Group, n.Resource, v))).ToHashSet();
        // Also allowed, though not called today: patch (merge patches of metadata and status) and reading status.
        bool Tolerated((string Group, string Resource, string Verb) g) =>
            g.Group == Api.ApiGroup.Group && (g.Verb == "patch" || (g.Verb == "get" && g.Resource.EndsWith("/status", StringComparison.Ordinal)));
        var extra = rules.SelectMany(r => r.Grants()).Where(g => !needed.Contains(g) && !Tolerated(g)).Select(g => $"{g.Verb} {g.Resource}.{g.Group}").ToList();
        Assert.True(extra.Count == 0, "granted but never used:\n" + string.Join("\n", extra));
        Assert.DoesNotContain(rules, r => r.Resources.Contains("secrets"));
        Assert.DoesNotContain(rules.Where(r => r.ApiGroups.Contains(Api.ApiGroup.Group)),
            r => r.Verbs.Contains("create") || (r.Verbs.Contains("delete") && r.Resources.Any(resource => resource != Api.Kinds.Task.Plural)));
    }

    [Fact]
    public void The_single_namespace_overlay_has_no_cluster_wide_rbac()
    {
        var rendered = DeployDirectories.RenderedSingleNamespace;
        Assert.Empty(rendered.OfKind("ClusterRole"));
        Assert.Empty(rendered.OfKind("ClusterRoleBinding"));
    }

    [Fact]
    public void The_single_namespace_overlay_watches_one_namespace_and_allows_what_the_code_does_there()
    {
        var rendered = DeployDirectories.RenderedSingleNamespace;
        var watched = Assert.Single(rendered.Args, a => a.StartsWith("--namespace=", StringComparison.Ordinal))["--namespace=".Length..];
        // No Namespace read without a ClusterRole: the cluster id is given instead.
        Assert.Single(rendered.Args, a => a.StartsWith("--cluster-id=", StringComparison.Ordinal) && a.Length > "--cluster-id=".Length);
        var operatorNamespace = Rendered.Namespace(rendered.Deployment)!;
        Assert.NotEqual(operatorNamespace, watched);

        var missing = new List<string>();
        foreach (var need in Needs.Where(n => n.Scope != Scope.Cluster))
        {
            var rules = RolesBoundInNamespace(rendered, need.Scope == Scope.Own ? operatorNamespace : watched);
            foreach (var verb in need.Verbs)
            {
                if (!rules.Any(r => r.Allows(need.Group, need.Resource, verb, need.Name)))
                    missing.Add($"{verb} {need.Resource}.{need.Group} in {(need.Scope == Scope.Own ? operatorNamespace : watched)}");
            }
        }

        Assert.True(missing.Count == 0, "not allowed:\n" + string.Join("\n", missing));
    }

    /// <summary>Rules of ClusterRoles bound (by ClusterRoleBinding) to the Deployment's service account.</summary>
    private static List<RbacRule> ClusterRolesBound(Rendered rendered) =>
        rendered.OfKind("ClusterRoleBinding").Where(b => BindsOperator(rendered, b))
            .SelectMany(b => RbacRule.Of(rendered.Single("ClusterRole", b["roleRef"]!["name"]!.GetValue<string>()))).ToList();

    /// <summary>Rules of Roles bound (by RoleBinding in <paramref name="ns"/>) to the Deployment's service account.</summary>
    private static List<RbacRule> RolesBoundInNamespace(Rendered rendered, string ns) =>
        rendered.OfKind("RoleBinding").Where(b => Rendered.Namespace(b) == ns && BindsOperator(rendered, b))
            .Select(b => rendered.OfKind(b["roleRef"]!["kind"]!.GetValue<string>())
                .Single(r => Rendered.Name(r) == b["roleRef"]!["name"]!.GetValue<string>() && (Rendered.Namespace(r) ?? ns) == ns))
            .SelectMany(RbacRule.Of).ToList();

    private static bool BindsOperator(Rendered rendered, JsonObject binding)
    {
        var account = rendered.PodSpec["serviceAccountName"]!.GetValue<string>();
        var ns = Rendered.Namespace(rendered.Deployment);
        return binding["subjects"]!.AsArray().Any(s =>
            s!["kind"]!.GetValue<string>() == "ServiceAccount" && s["name"]!.GetValue<string>() == account && s["namespace"]?.GetValue<string>() == ns);
    }
}
