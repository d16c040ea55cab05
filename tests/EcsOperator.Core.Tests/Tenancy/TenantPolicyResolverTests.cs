using EcsOperator.Api.Tenancy;
using EcsOperator.Core.Tenancy;
using EcsOperator.Kubernetes.Model;
using static EcsOperator.Core.Tests.Tenancy.TenancyCases;

namespace EcsOperator.Core.Tests.Tenancy;

public sealed class TenantPolicyResolverTests
{
    private static EcsTenantPolicy PolicyFor(string name, NamespaceSelector selector) =>
        new() { Metadata = new ObjectMeta { Name = name }, Spec = ShopPolicy with { NamespaceSelector = selector } };

    [Fact]
    public void One_selecting_policy_gives_its_rules_and_role()
    {
        var tenancy = Policy();
        Assert.Equal("shop", tenancy.PolicyName);
        Assert.Equal(ShopPolicy.AwsRoleArn, tenancy.AwsRoleArn);
        Assert.Equal("shop_", tenancy.Rules!.TaskDefinitionFamilyPrefix);
        Assert.False(tenancy.MayUseOperatorPrincipal);
        Assert.Null(tenancy.Refusal);
    }

    [Fact]
    public void Without_a_policy_strict_gives_the_namespace_defaults_and_no_principal_while_open_checks_nothing()
    {
        var strict = NoPolicy(TenancyMode.Strict);
        Assert.Null(strict.AwsRoleArn);
        Assert.False(strict.MayUseOperatorPrincipal);
        Assert.Equal("shop_", strict.Rules!.TaskDefinitionFamilyPrefix);
        Assert.Equal(["shop_*"], strict.Rules.AllowedClusters);
        Assert.Empty(strict.Rules.AllowedRoleArns);
        Assert.False(strict.Rules.AllowExternalTaskDefinitions || strict.Rules.AllowAdoption || strict.Rules.AllowPrivileged || strict.Rules.AllowHostNamespaces);

        var open = NoPolicy(TenancyMode.Open);
        Assert.Null(open.Rules);
        Assert.True(open.MayUseOperatorPrincipal);
    }

    [Fact]
    public void A_policy_without_a_role_may_use_the_operator_principal_only_when_open()
    {
        var spec = ShopPolicy with { AwsRoleArn = null };
        var labels = new Dictionary<string, string> { ["team"] = "shop" };
        var policies = new[] { new EcsTenantPolicy { Metadata = new() { Name = "shop" }, Spec = spec } };
        Assert.False(TenantPolicyResolver.Resolve("shop", labels, policies, TenancyMode.Strict).MayUseOperatorPrincipal);
        Assert.True(TenantPolicyResolver.Resolve("shop", labels, policies, TenancyMode.Open).MayUseOperatorPrincipal);
    }

    [Theory]
    [InlineData("In", new[] { "shop", "web" }, true)]
    [InlineData("In", new[] { "payments" }, false)]
    [InlineData("NotIn", new[] { "payments" }, true)]
    [InlineData("NotIn", new[] { "shop" }, false)]
    [InlineData("Exists", new string[0], true)]
    [InlineData("DoesNotExist", new string[0], false)]
    [InlineData("Bogus", new string[0], false)]
    public void Match_expressions_follow_kubernetes_label_selector_semantics(string op, string[] values, bool selects)
    {
        var selector = new NamespaceSelector { MatchExpressions = [new NamespaceSelectorRequirement { Key = "team", Operator = op, Values = values }] };
        Assert.Equal(selects, TenantPolicyResolver.Selects(selector, new Dictionary<string, string> { ["team"] = "shop" }));
    }

    [Fact]
    public void Match_labels_must_all_hold_and_an_empty_selector_selects_everything()
    {
        var labels = new Dictionary<string, string> { ["team"] = "shop", ["env"] = "prod" };
        Assert.True(TenantPolicyResolver.Selects(new NamespaceSelector(), labels));
        Assert.True(TenantPolicyResolver.Selects(new NamespaceSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "shop", ["env"] = "prod" } }, labels));
        Assert.False(TenantPolicyResolver.Selects(new NamespaceSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "shop", ["env"] = "dev" } }, labels));
        Assert.False(TenantPolicyResolver.Selects(null, labels));
    }

    [Fact]
    public void Policies_selecting_other_namespaces_do_not_count()
    {
        var tenancy = TenantPolicyResolver.Resolve(
            "shop",
            new Dictionary<string, string> { ["team"] = "shop" },
            [PolicyFor("payments", new NamespaceSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "payments" } }),
             PolicyFor("shop", new NamespaceSelector { MatchLabels = new Dictionary<string, string> { ["team"] = "shop" } })],
            TenancyMode.Strict);
        Assert.Equal("shop", tenancy.PolicyName);
        Assert.Null(tenancy.Refusal);
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:role/teams/shop/*", "arn:aws:iam::111122223333:role/teams/shop/web", true)]
    [InlineData("arn:aws:iam::111122223333:role/teams/shop/*", "arn:aws:iam::111122223333:role/teams/shop/a/b", true)]
    [InlineData("arn:aws:iam::111122223333:role/teams/shop/*", "arn:aws:iam::111122223333:role/teams/shopping/web", false)]
    [InlineData("arn:aws:iam::*:role/shop-*", "arn:aws:iam::444455556666:role/shop-task", true)]
    [InlineData("arn:aws:iam::*:role/shop-*", "arn:aws:iam::444455556666:role/payments-task", false)]
    [InlineData("shop-?", "shop-1", true)]
    [InlineData("shop-?", "shop-12", false)]
    [InlineData("shop-prod", "shop-prod-2", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    public void Glob_patterns_match_the_whole_value_like_iam_string_like(string pattern, string value, bool matches) =>
        Assert.Equal(matches, GlobPattern.Matches(pattern, value));
}
