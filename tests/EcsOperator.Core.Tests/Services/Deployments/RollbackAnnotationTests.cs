using EcsOperator.Api.Services;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Services.Deployments;

namespace EcsOperator.Core.Tests.Services.Deployments;

public sealed class RollbackAnnotationTests
{
    private const string Id = "r9i43YFjvgF_xlg7m2eJ1r";
    private static readonly RolloutStatus Running = new() { DeploymentArn = ServiceDeploymentProgressTests.Arn, DeploymentStatus = "IN_PROGRESS", Stage = "BAKE_TIME" };

    private static Dictionary<string, string> Annotation(string value) => new() { ["ecs.operator.dev/rollback"] = value };

    [Fact]
    public void No_annotation_means_nothing_to_do() =>
        Assert.IsType<RollbackDecision.None>(RollbackAnnotation.Decide(new Dictionary<string, string> { ["other"] = "x" }, Running));

    [Theory]
    [InlineData(Id)]
    [InlineData(ServiceDeploymentProgressTests.Arn)]
    public void The_running_deployment_named_by_id_or_arn_is_stopped_with_rollback(string value)
    {
        var stop = Assert.IsType<RollbackDecision.Stop>(RollbackAnnotation.Decide(Annotation(value), Running));
        var request = RollbackAnnotation.Request(stop);

        Assert.Equal((ServiceDeploymentProgressTests.Arn, Id), (stop.DeploymentArn, stop.DeploymentId));
        Assert.Equal(StopServiceDeploymentStopType.Rollback, request.StopType);
        Assert.Equal(ServiceDeploymentProgressTests.Arn, request.ServiceDeploymentArn);
    }

    [Fact]
    public void Once_recorded_in_status_the_same_id_does_nothing_even_while_ecs_still_reports_it_running()
    {
        var stop = Assert.IsType<RollbackDecision.Stop>(RollbackAnnotation.Decide(Annotation(Id), Running));
        var recorded = RollbackAnnotation.Record(Running, stop, generation: 7);

        Assert.IsType<RollbackDecision.None>(RollbackAnnotation.Decide(Annotation(Id), recorded));
        Assert.True(RollbackAnnotation.HoldsRevision(recorded, 7));
        Assert.False(RollbackAnnotation.HoldsRevision(recorded, 8));
        Assert.False(RollbackAnnotation.HoldsRevision(Running, 7));
    }

    [Fact]
    public void An_id_of_another_deployment_or_of_a_finished_one_is_ignored_with_a_message_that_says_why()
    {
        var other = Assert.IsType<RollbackDecision.Ignore>(RollbackAnnotation.Decide(Annotation("somethingelse"), Running));
        var finished = Assert.IsType<RollbackDecision.Ignore>(RollbackAnnotation.Decide(Annotation(Id), Running with { DeploymentStatus = "SUCCESSFUL" }));
        var nothing = Assert.IsType<RollbackDecision.Ignore>(RollbackAnnotation.Decide(Annotation(Id), null));

        Assert.Contains($"current service deployment is {Id}", other.Message, StringComparison.Ordinal);
        Assert.Contains("SUCCESSFUL", finished.Message, StringComparison.Ordinal);
        Assert.Contains("no service deployment is being followed", nothing.Message, StringComparison.Ordinal);
    }
}
