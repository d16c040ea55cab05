using EcsOperator.Core.Ownership;

namespace EcsOperator.Core.Tests.Ownership;

public sealed class OwnershipTagsTests
{
    [Fact]
    public void Owner_value_names_cluster_namespace_and_object() =>
        Assert.Equal("c1/shop/web", OwnershipTags.OwnerValue("c1", "shop", "web"));

    [Fact]
    public void Long_owner_values_fit_the_tag_limit_and_stay_distinct()
    {
        var uid = Guid.NewGuid().ToString();
        var a = OwnershipTags.OwnerValue(uid, new string('n', 63), new string('a', 253));
        var b = OwnershipTags.OwnerValue(uid, new string('n', 63), new string('a', 252) + "b");
        Assert.True(a.Length <= OwnershipTags.MaxTagValueLength);
        Assert.NotEqual(a, b);
        Assert.Equal(a, OwnershipTags.OwnerValue(uid, new string('n', 63), new string('a', 253)));
    }
}
