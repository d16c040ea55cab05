using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Model.Ecs;
using Xunit;

namespace EcsOperator.Aws.Tests.Clients;

/// <summary>Not-found semantics of DescribeServices: ECS reports absent services as failures, not as errors.</summary>
public sealed class ServiceDescriptionsTests
{
    private static readonly ServiceDescriptions Result = new(
        [
            new Service { ServiceName = "web", ServiceArn = "arn:aws:ecs:eu-west-1:123456789012:service/shop/web", Status = "ACTIVE" },
            new Service { ServiceName = "old", ServiceArn = "arn:aws:ecs:eu-west-1:123456789012:service/old", Status = "INACTIVE" },
        ],
        [
            new Failure { Arn = "arn:aws:ecs:eu-west-1:123456789012:service/shop/api", Reason = "MISSING" },
            new Failure { Arn = "arn:aws:ecs:eu-west-1:123456789012:service/shop/locked", Reason = "AccessDenied", Detail = "not allowed" },
        ]);

    [Theory]
    [InlineData("web")]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:service/shop/web")]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:service/web")]
    public void Finds_a_described_service_by_name_or_long_or_short_ARN(string nameOrArn)
    {
        Assert.Equal("web", Result.Find(nameOrArn)?.ServiceName);
        Assert.False(Result.IsMissing(nameOrArn));
        Assert.False(Result.IsMissingOrInactive(nameOrArn));
    }

    [Theory]
    [InlineData("api")]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:service/shop/api")]
    public void A_MISSING_failure_means_the_service_does_not_exist(string nameOrArn)
    {
        Assert.True(Result.IsMissing(nameOrArn));
        Assert.True(Result.IsMissingOrInactive(nameOrArn));
        Assert.Null(Result.Find(nameOrArn));
    }

    [Fact]
    public void An_INACTIVE_service_is_gone_but_not_missing()
    {
        Assert.False(Result.IsMissing("old"));
        Assert.True(Result.IsMissingOrInactive("old"));
    }

    [Fact]
    public void Other_failures_are_reported_but_do_not_count_as_missing()
    {
        Assert.False(Result.IsMissing("locked"));
        Assert.Equal("AccessDenied", Result.FailureFor("locked")?.Reason);
        Assert.Null(Result.FailureFor("web"));
    }

    [Fact]
    public void An_empty_name_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => Result.IsMissing(""));
    }
}
