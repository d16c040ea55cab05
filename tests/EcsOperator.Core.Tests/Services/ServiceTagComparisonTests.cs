using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Diffing;
using EcsOperator.Core.Services;

namespace EcsOperator.Core.Tests.Services;

/// <summary>Service tags as drift: the spec's tags and the owner tag are the operator's, every other tag is left alone.</summary>
public sealed class ServiceTagComparisonTests
{
    private static CreateServiceRequest Tagged => ServiceComparerTests.Web with
    {
        Tags = [new Tag { Key = "team", Value = "shop" }, new Tag { Key = "ecs.operator.dev/owner", Value = "o1" }],
    };

    [Fact]
    public void A_changed_spec_tag_is_an_in_place_difference_fixed_by_TagResource_not_UpdateService()
    {
        var live = EcsDescribes.ServiceCreatedBy(Tagged) with
        {
            Tags = [new Tag { Key = "team", Value = "other" }, new Tag { Key = "ecs.operator.dev/owner", Value = "o1" }],
        };

        var comparison = ServiceComparer.Compare(Tagged, live, autoScalingOwnsDesiredCount: false);

        var difference = Assert.Single(comparison.Differences);
        Assert.Equal(("tags", "tags[team]", ChangeKind.InPlace, "\"shop\"", "\"other\""),
            (difference.Field, difference.Path, difference.Kind, difference.Desired, difference.Live));
        Assert.Null(comparison.Update);
        Assert.Equal(live.ServiceArn, comparison.TagResource!.ResourceArn);
        var tag = Assert.Single(comparison.TagResource.Tags!);
        Assert.Equal(("team", "shop"), (tag.Key, tag.Value));
    }

    [Fact]
    public void A_removed_spec_tag_is_put_back()
    {
        var live = EcsDescribes.ServiceCreatedBy(Tagged) with { Tags = [new Tag { Key = "ecs.operator.dev/owner", Value = "o1" }] };

        var comparison = ServiceComparer.Compare(Tagged, live, autoScalingOwnsDesiredCount: false);

        Assert.Equal("tags[team]", Assert.Single(comparison.Differences).Path);
        Assert.Equal("team", Assert.Single(comparison.TagResource!.Tags!).Key);
    }

    [Fact]
    public void A_tag_someone_else_added_is_neither_a_difference_nor_removed()
    {
        var live = EcsDescribes.ServiceCreatedBy(Tagged) with
        {
            Tags = [.. Tagged.Tags!, new Tag { Key = "cost-center", Value = "42" }],
        };

        var comparison = ServiceComparer.Compare(Tagged, live, autoScalingOwnsDesiredCount: false);

        Assert.True(comparison.InSync, string.Join("; ", comparison.Differences));
        Assert.Null(comparison.TagResource);
    }

    [Fact]
    public void A_missing_owner_tag_is_a_difference()
    {
        var live = EcsDescribes.ServiceCreatedBy(Tagged) with { Tags = [new Tag { Key = "team", Value = "shop" }] };

        var comparison = ServiceComparer.Compare(Tagged, live, autoScalingOwnsDesiredCount: false);

        Assert.Equal("tags[ecs.operator.dev/owner]", Assert.Single(comparison.Differences).Path);
    }
}
