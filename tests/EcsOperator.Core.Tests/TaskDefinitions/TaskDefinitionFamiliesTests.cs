using System.Text.RegularExpressions;
using EcsOperator.Api.Services;
using EcsOperator.Api.TaskDefinitions;
using EcsOperator.Core.TaskDefinitions;
using EcsOperator.Kubernetes.Model;
using FsCheck;
using FsCheck.Fluent;

namespace EcsOperator.Core.Tests.TaskDefinitions;

public sealed partial class TaskDefinitionFamiliesTests
{
    [Fact]
    public void Namespace_and_name_split_differently_get_different_families()
    {
        Assert.NotEqual(TaskDefinitionFamilies.ForTaskDefinition("a-b", "c"), TaskDefinitionFamilies.ForTaskDefinition("a", "b-c"));
        Assert.NotEqual(TaskDefinitionFamilies.ForInlineTemplate("a-b", "c"), TaskDefinitionFamilies.ForInlineTemplate("a", "b-c"));
    }

    [Fact]
    public void A_task_definition_and_an_inline_template_of_the_same_name_get_different_families()
    {
        Assert.Equal("shop_td_web", TaskDefinitionFamilies.ForTaskDefinition("shop", "web"));
        Assert.Equal("shop_svc_web", TaskDefinitionFamilies.ForInlineTemplate("shop", "web"));
        // The inline-template family of "web" is not a task-definition family of some other name either.
        Assert.NotEqual(TaskDefinitionFamilies.ForInlineTemplate("shop", "web"), TaskDefinitionFamilies.ForTaskDefinition("shop-svc", "web"));
        Assert.NotEqual(TaskDefinitionFamilies.ForInlineTemplate("shop", "web"), TaskDefinitionFamilies.ForTaskDefinition("shop", "svc.web"));
    }

    [Fact]
    public void Dots_and_dashes_of_a_name_stay_apart()
    {
        Assert.Equal("shop_td_web_v2", TaskDefinitionFamilies.ForTaskDefinition("shop", "web.v2"));
        Assert.NotEqual(TaskDefinitionFamilies.ForTaskDefinition("shop", "web.v2"), TaskDefinitionFamilies.ForTaskDefinition("shop", "web-v2"));
    }

    [Fact]
    public void Long_names_are_shortened_to_255_and_stay_apart()
    {
        var name = new string('a', 240) + ".x" + new string('b', 11);
        var other = new string('a', 240) + ".y" + new string('b', 11);
        var family = TaskDefinitionFamilies.ForTaskDefinition("team-with-a-long-namespace", name);

        Assert.Equal(TaskDefinitionFamilies.MaxLength, family.Length);
        Assert.StartsWith("team-with-a-long-namespace_td_", family, StringComparison.Ordinal);
        Assert.NotEqual(family, TaskDefinitionFamilies.ForTaskDefinition("team-with-a-long-namespace", other));
        Assert.Matches(EcsFamily(), family);
    }

    [Fact]
    public void Any_two_distinct_objects_get_distinct_valid_families_under_their_namespace_prefix()
    {
        var label = Gen.Elements("a", "b", "0", "a-b", "b-c", "ab", "a-b-c", "td", "svc", "x-td", "x-svc");
        var dnsName = Gen.ListOf(label).Select(parts => parts.Count == 0 ? "a" : string.Join('.', parts));
        var objects = from kind in Gen.Elements("td", "svc")
                      from ns in label
                      from name in dnsName
                      select (Kind: kind, Namespace: ns, Name: name);
        Prop.ForAll(objects.ToArbitrary(), objects.ToArbitrary(), (x, y) =>
        {
            var fx = Family(x);
            var fy = Family(y);
            return (x == y) == (fx == fy)
                && EcsFamily().IsMatch(fx)
                && fx.StartsWith(x.Namespace + "_", StringComparison.Ordinal)
                && fx != TaskDefinitionFamilies.Legacy(y.Namespace, y.Name)
                // Across namespaces the '-' scheme can meet this one (a/td.x was a-td_td_x, as a-td/x is now): only
                // families registered before the upgrade, kept by their objects, and only for a namespace ending in
                // -td or -svc. Within a namespace never.
                && (x.Namespace != y.Namespace || fx != TaskDefinitionFamilies.Dashed(y.Namespace, y.Kind == "svc", y.Name));
        }).QuickCheckThrowOnFailure();

        static string Family((string Kind, string Namespace, string Name) o) => o.Kind == "td"
            ? TaskDefinitionFamilies.ForTaskDefinition(o.Namespace, o.Name)
            : TaskDefinitionFamilies.ForInlineTemplate(o.Namespace, o.Name);
    }

    [Fact]
    public void An_object_that_registered_under_an_earlier_default_keeps_it()
    {
        var legacy = TaskDefinition("a-b", "c") with { Status = new EcsTaskDefinitionStatus { Family = "a-b-c" } };
        var dashed = TaskDefinition("a-b", "c") with { Status = new EcsTaskDefinitionStatus { Family = "a-b-td_c" } };
        var fresh = TaskDefinition("a-b", "c");
        var explicitBefore = TaskDefinition("a-b", "c") with { Status = new EcsTaskDefinitionStatus { Family = "payments" } };

        Assert.Equal("a-b-c", TaskDefinitionFamilies.Of(legacy));
        Assert.Equal("a-b-td_c", TaskDefinitionFamilies.Of(dashed));
        Assert.Equal("a-b_td_c", TaskDefinitionFamilies.Of(fresh));
        // spec.family removed: the default applies, the old explicit family is not kept.
        Assert.Equal("a-b_td_c", TaskDefinitionFamilies.Of(explicitBefore));
        Assert.Equal("payments", TaskDefinitionFamilies.Of(legacy with { Spec = legacy.Spec with { Family = "payments" } }));
        // Another object's earlier default (here of a-b-x/c) is not this object's: not kept.
        Assert.Equal("a-b_td_c", TaskDefinitionFamilies.Of(fresh with { Status = new EcsTaskDefinitionStatus { Family = "a-b-x-td_c" } }));
    }

    [Fact]
    public void A_service_whose_inline_template_registered_under_an_earlier_default_keeps_it()
    {
        var template = new TaskDefinitionTemplate { ContainerDefinitions = [] };
        var service = new EcsService
        {
            Metadata = new ObjectMeta { Namespace = "shop", Name = "api" },
            Spec = new EcsServiceSpec { TaskDefinitionTemplate = template },
        };
        EcsService Running(string family) => service with
        {
            Status = new EcsServiceStatus { TaskDefinitionArn = $"arn:aws:ecs:us-east-1:123456789012:task-definition/{family}:3" },
        };

        Assert.Equal("shop_svc_api", TaskDefinitionFamilies.OfInlineTemplate(service));
        Assert.Equal("shop-api", TaskDefinitionFamilies.OfInlineTemplate(Running("shop-api")));
        Assert.Equal("shop-svc_api", TaskDefinitionFamilies.OfInlineTemplate(Running("shop-svc_api")));
        // The EcsTaskDefinition scheme's family of the same name is not the service's own.
        Assert.Equal("shop_svc_api", TaskDefinitionFamilies.OfInlineTemplate(Running("shop-td_api")));
        Assert.Equal("mine", TaskDefinitionFamilies.OfInlineTemplate(service with { Spec = service.Spec with { TaskDefinitionTemplate = template with { Family = "mine" } } }));
        Assert.Null(TaskDefinitionFamilies.OfInlineTemplate(service with { Spec = service.Spec with { TaskDefinitionTemplate = null } }));
    }

    private static EcsTaskDefinition TaskDefinition(string @namespace, string name) => new()
    {
        Metadata = new ObjectMeta { Namespace = @namespace, Name = name },
        Spec = new EcsTaskDefinitionSpec { ContainerDefinitions = [] },
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex EcsFamily();
}
