using EcsOperator.Core.Arns;

namespace EcsOperator.Core.Tests.Arns;

public sealed class EcsNamesTests
{
    [Theory]
    [InlineData("prod", "prod")]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:cluster/prod", "prod")]
    public void Cluster_names_from_names_and_arns(string input, string expected) => Assert.Equal(expected, EcsNames.ClusterName(input));

    [Theory]
    [InlineData("web", "web")]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:service/prod/web", "web")]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:service/web", "web")]
    public void Service_names_from_long_and_short_arns(string input, string expected) => Assert.Equal(expected, EcsNames.ServiceName(input));

    [Theory]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:7", "shop-web", 7)]
    [InlineData("shop-web:12", "shop-web", 12)]
    [InlineData("shop-web", "shop-web", null)]
    public void Task_definition_family_and_revision(string input, string family, int? revision)
    {
        Assert.Equal(family, EcsNames.TaskDefinitionFamily(input));
        Assert.Equal(revision, EcsNames.TaskDefinitionRevision(input));
    }

    [Fact]
    public void A_name_and_an_arn_of_the_same_service_are_the_same_resource()
    {
        Assert.True(EcsNames.SameResource("web", "arn:aws:ecs:eu-west-1:1:service/prod/web", EcsNames.ServiceName));
        Assert.False(EcsNames.SameResource("api", "arn:aws:ecs:eu-west-1:1:service/prod/web", EcsNames.ServiceName));
        Assert.False(EcsNames.SameResource("arn:aws:ecs:eu-west-1:1:cluster/a", "arn:aws:ecs:eu-west-1:2:cluster/a", EcsNames.ClusterName));
    }
}
