using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Api.Tasks;
using EcsOperator.Api.Tenancy;
using EcsOperator.Core.TaskDefinitions;
using EcsOperator.Core.Tenancy;
using EcsOperator.Kubernetes.Model;
using FsCheck;
using FsCheck.Fluent;

namespace EcsOperator.Core.Tests.Tenancy;

/// <summary>
/// Namespace a's default rules reach none of namespace a-b's names: a namespace name may hold '-' but never '_', the
/// separator of the default prefix. Objects that registered under an earlier ('-') default of their own keep it.
/// </summary>
public sealed class NamespaceSeparationTests
{
    private static NamespaceTenancy Strict(string @namespace) =>
        TenantPolicyResolver.Resolve(@namespace, new Dictionary<string, string>(), [], TenancyMode.Strict);

    /// <summary>A policy that allows external task definitions and names no prefix: the default prefix applies.</summary>
    private static NamespaceTenancy AllowingExternal(string @namespace) => UnderPolicy(@namespace, @namespace, spec => spec with
    {
        AllowedClusters = [TenantRules.NamespacePrefix(@namespace) + "*"],
        AllowExternalTaskDefinitions = true,
    });

    private static EcsTaskDefinition TaskDefinition(string @namespace, string name, string? family = null, string? recorded = null) => new()
    {
        Metadata = new ObjectMeta { Namespace = @namespace, Name = name },
        Spec = new EcsTaskDefinitionSpec { Family = family, ContainerDefinitions = [TenancyCases.WebContainer] },
        Status = recorded is null ? null : new EcsTaskDefinitionStatus { Family = recorded },
    };

    private static EcsService InlineService(string @namespace, string name, string cluster, string? runningFamily = null) => new()
    {
        Metadata = new ObjectMeta { Namespace = @namespace, Name = name },
        Spec = new EcsServiceSpec { Cluster = cluster, TaskDefinitionTemplate = new TaskDefinitionTemplate { ContainerDefinitions = [TenancyCases.WebContainer] } },
        Status = runningFamily is null
            ? null
            : new EcsServiceStatus { TaskDefinitionArn = $"arn:aws:ecs:eu-west-1:111122223333:task-definition/{runningFamily}:4" },
    };

    private static EcsTask Task(string @namespace, string cluster, string? taskDefinition = null) => new()
    {
        Metadata = new ObjectMeta { Namespace = @namespace, Name = "job" },
        Spec = taskDefinition is null
            ? new EcsTaskSpec { Cluster = cluster, TaskDefinitionRef = new() { Name = "job" } }
            : new EcsTaskSpec { Cluster = cluster, TaskDefinition = taskDefinition },
    };

    [Fact]
    public void Namespace_a_cannot_squat_the_default_family_of_namespace_a_b()
    {
        var violation = Assert.Single(TenancyEvaluator.Evaluate(Strict("a"), TaskDefinition("a", "web", family: "a-b-td_web")));
        Assert.Equal("spec.family", violation.Field);
        Assert.Single(TenancyEvaluator.Evaluate(Strict("a"), TaskDefinition("a", "web", family: TaskDefinitionFamilies.ForTaskDefinition("a-b", "web"))));
        Assert.Empty(TenancyEvaluator.Evaluate(Strict("a"), TaskDefinition("a", "web", family: "a_x")));
    }

    [Fact]
    public void Namespace_a_cannot_run_on_a_cluster_or_task_definition_of_namespace_a_b()
    {
        Assert.Equal("spec.cluster", Assert.Single(TenancyEvaluator.Evaluate(Strict("a"), Task("a", "a-b-prod"))).Field);
        Assert.Equal("spec.cluster", Assert.Single(TenancyEvaluator.Evaluate(Strict("a"), Task("a", "a-b_prod"))).Field);
        Assert.Empty(TenancyEvaluator.Evaluate(Strict("a"), Task("a", "a_prod")));

        Assert.Equal("spec.taskDefinition", Assert.Single(TenancyEvaluator.Evaluate(Strict("a"), Task("a", "a_prod", taskDefinition: "a-b_td_web:3"))).Field);
        var external = Assert.Single(TenancyEvaluator.Evaluate(AllowingExternal("a"), Task("a", "a_prod", taskDefinition: "a-b_td_web:3")));
        Assert.Equal("spec.taskDefinition", external.Field);
        Assert.Single(TenancyEvaluator.Evaluate(AllowingExternal("a"), Task("a", "a_prod", taskDefinition: "a-b-td_web:3")));
        Assert.Empty(TenancyEvaluator.Evaluate(AllowingExternal("a"), Task("a", "a_prod", taskDefinition: "a_td_web:3")));
    }

    [Fact]
    public void Namespace_a_b_keeps_its_own_defaults()
    {
        Assert.Empty(TenancyEvaluator.Evaluate(Strict("a-b"), TaskDefinition("a-b", "web")));
        Assert.Empty(TenancyEvaluator.Evaluate(Strict("a-b"), InlineService("a-b", "api", "a-b_prod")));
        Assert.Empty(TenancyEvaluator.Evaluate(Strict("a-b"), Task("a-b", "a-b_prod")));
    }

    [Theory]
    [InlineData("a-b-web")] // before issue 15
    [InlineData("a-b-td_web")] // issue 15's '-' scheme
    public void An_object_whose_status_records_its_own_earlier_default_keeps_it_and_passes(string earlier)
    {
        var registered = TaskDefinition("a-b", "web", recorded: earlier);
        Assert.Equal(earlier, TaskDefinitionFamilies.Of(registered));
        Assert.Empty(TenancyEvaluator.Evaluate(Strict("a-b"), registered));
    }

    [Theory]
    [InlineData("a-b-api")]
    [InlineData("a-b-svc_api")]
    public void A_service_whose_status_records_its_own_earlier_inline_default_keeps_it_and_passes(string earlier)
    {
        var running = InlineService("a-b", "api", "a-b_prod", runningFamily: earlier);
        Assert.Equal(earlier, TaskDefinitionFamilies.OfInlineTemplate(running));
        Assert.Empty(TenancyEvaluator.Evaluate(Strict("a-b"), running));
    }

    [Fact]
    public void An_earlier_default_is_refused_where_the_current_default_would_be()
    {
        // An admin narrowed the prefix so that defaults do not pass: the kept family does not pass either.
        var narrowed = WithFamilyPrefix("a-b", "narrow", "a-b_prod_");
        Assert.Equal("spec.family", Assert.Single(TenancyEvaluator.Evaluate(narrowed, TaskDefinition("a-b", "web", recorded: "a-b-td_web"))).Field);
    }

    [Fact]
    public void A_status_that_records_a_family_which_is_not_the_objects_own_earlier_default_gives_no_grace()
    {
        // Families of a-b/web; a/web's own earlier defaults are a-web and a-td_web.
        foreach (var claimed in new[] { "a-b-td_web", "a-b-web", "a-b-svc_web" })
        {
            var squatter = TaskDefinition("a", "web", recorded: claimed);
            Assert.Equal("a_td_web", TaskDefinitionFamilies.Of(squatter));
            Assert.Empty(TenancyEvaluator.Evaluate(Strict("a"), squatter));
        }

        // A family a user chose is judged as chosen, whatever status records.
        var chosen = TaskDefinition("a", "web", family: "a-b-td_web", recorded: "a-b-td_web");
        Assert.Single(TenancyEvaluator.Evaluate(Strict("a"), chosen));
        var service = InlineService("a", "web", "a_prod", runningFamily: "a-b-svc_web");
        Assert.Equal("a_svc_web", TaskDefinitionFamilies.OfInlineTemplate(service));
    }

    [Fact]
    public void A_chosen_name_left_from_the_dash_default_is_refused_with_what_to_do()
    {
        var violation = Assert.Single(TenancyEvaluator.Evaluate(Strict("shop"), TaskDefinition("shop", "web", family: "shop-web")));
        Assert.Equal(
            "task-definition family shop-web does not start with 'shop_' (taskDefinitionFamilyPrefix of the strict default for namespaces without an EcsTenantPolicy); "
            + "name a family that starts with 'shop_', or have an admin select this namespace with an EcsTenantPolicy whose taskDefinitionFamilyPrefix allows it",
            violation.Rule);
        var cluster = Assert.Single(TenancyEvaluator.Evaluate(Strict("shop"), Task("shop", "shop-prod")));
        Assert.Contains("use a cluster that matches shop_*", cluster.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_that_kept_an_explicit_dash_prefix_admits_what_starts_with_it_but_not_the_new_defaults()
    {
        var kept = WithFamilyPrefix("shop", "shop", "shop-");
        Assert.Empty(TenancyEvaluator.Evaluate(kept, TaskDefinition("shop", "web", family: "shop-web")));
        Assert.Empty(TenancyEvaluator.Evaluate(kept, TaskDefinition("shop", "web", recorded: "shop-td_web")));
        var fresh = Assert.Single(TenancyEvaluator.Evaluate(kept, TaskDefinition("shop", "web")));
        Assert.StartsWith("task-definition family shop_td_web does not start with 'shop-'", fresh.Rule, StringComparison.Ordinal);
        Assert.EndsWith("or have an admin change taskDefinitionFamilyPrefix of EcsTenantPolicy shop", fresh.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void No_default_name_of_one_namespace_is_allowed_by_another_namespaces_default_rules()
    {
        // Namespaces are labels of at most 63 characters; names DNS subdomains (long ones get a hashed family).
        var label = Gen.Elements("a", "b", "0", "td", "svc").ListOf().Select(parts => parts.Count == 0 ? "a" : string.Join('-', parts.Take(15)));
        var name = Gen.Elements("web", "b", "td", "svc", "x-y").ListOf().Select(parts => parts.Count == 0 ? "web" : string.Join('.', parts.Take(60)));
        // Half the pairs are a namespace and one that extends it by '-' (a and a-b, either way round): the overlap.
        var related = from shorter in label
                      from suffix in label
                      from longerOwns in Gen.Elements(true, false)
                      select longerOwns ? (shorter + "-" + suffix, shorter) : (shorter, shorter + "-" + suffix);
        var unrelated = from owner in label from other in label where owner != other select (owner, other);
        var pairs = from namespaces in Gen.OneOf(related, unrelated)
                    from n in name
                    select (Owner: namespaces.Item1, Other: namespaces.Item2, Name: n);
        Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var families = new[] { TaskDefinitionFamilies.ForTaskDefinition(p.Owner, p.Name), TaskDefinitionFamilies.ForInlineTemplate(p.Owner, p.Name) };
            var cluster = TenantRules.NamespacePrefix(p.Owner) + p.Name.Replace('.', '-');
            return families.All(f =>
                    TenancyEvaluator.Evaluate(Strict(p.Other), TaskDefinition(p.Other, "x", family: f)).Count == 1
                    && TenancyEvaluator.Evaluate(AllowingExternal(p.Other), Task(p.Other, TenantRules.NamespacePrefix(p.Other) + "c", taskDefinition: f + ":1")).Count == 1)
                && TenancyEvaluator.Evaluate(Strict(p.Other), Task(p.Other, cluster)).Count == 1
                // The owner's own rules allow them.
                && families.All(f => TenancyEvaluator.Evaluate(Strict(p.Owner), TaskDefinition(p.Owner, "x", family: f)).Count == 0);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>The tenancy of <paramref name="namespace"/> under one policy that sets only the family prefix.</summary>
    private static NamespaceTenancy WithFamilyPrefix(string @namespace, string policyName, string prefix) =>
        UnderPolicy(@namespace, policyName, spec => spec with { TaskDefinitionFamilyPrefix = prefix });

    /// <summary>The tenancy of <paramref name="namespace"/> under one policy, <paramref name="rules"/> applied to a spec that only selects it.</summary>
    private static NamespaceTenancy UnderPolicy(string @namespace, string policyName, Func<EcsTenantPolicySpec, EcsTenantPolicySpec> rules) =>
        TenantPolicyResolver.Resolve(
            @namespace,
            new Dictionary<string, string> { ["tenant"] = @namespace },
            [new EcsTenantPolicy
            {
                Metadata = new ObjectMeta { Name = policyName },
                Spec = rules(new EcsTenantPolicySpec
                {
                    NamespaceSelector = new NamespaceSelector { MatchLabels = new Dictionary<string, string> { ["tenant"] = @namespace } },
                }),
            }],
            TenancyMode.Strict);
}
