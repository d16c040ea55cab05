using EcsOperator.Api.Shared;
using EcsOperator.Aws.Model.Ecs;
using EcsOperator.Core.Services.Deployments;

namespace EcsOperator.Core.Tests.Services.Deployments;

public sealed class ExternalDeploymentControllersTests
{
    private const string Live = "arn:aws:ecs:eu-west-1:123456789012:task-definition/shop-web:3";

    [Theory]
    [InlineData("CODE_DEPLOY", "aws deploy create-deployment")]
    [InlineData("EXTERNAL", "CreateTaskSet")]
    public void A_new_revision_under_an_external_controller_is_stalled_with_what_to_do(string controller, string instruction)
    {
        var stalled = ExternalDeploymentControllers.Check(controller, Live, "shop-web:4");

        Assert.NotNull(stalled);
        Assert.Equal(ConditionReasons.ExternalDeploymentController, stalled.Reason);
        Assert.Contains("shop-web:3 to shop-web:4", stalled.Message, StringComparison.Ordinal);
        Assert.Contains(instruction, stalled.Message, StringComparison.Ordinal);
        Assert.Contains("deploymentController.type to ECS", stalled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_revision_or_the_ecs_controller_is_not_stalled()
    {
        Assert.Null(ExternalDeploymentControllers.Check("CODE_DEPLOY", Live, "shop-web:3"));
        Assert.Null(ExternalDeploymentControllers.Check("ECS", Live, "shop-web:4"));
        Assert.Null(ExternalDeploymentControllers.Check(null, Live, "shop-web:4"));
    }

    [Fact]
    public void Updates_keep_only_what_ecs_lets_each_controller_change()
    {
        var update = new UpdateServiceRequest
        {
            Cluster = "prod",
            Service = "web",
            TaskDefinition = "shop-web:4",
            DesiredCount = 5,
            DeploymentConfiguration = new DeploymentConfiguration { MinimumHealthyPercent = 50 },
            NetworkConfiguration = new NetworkConfiguration(),
            PropagateTags = "SERVICE",
        };

        var codeDeploy = ExternalDeploymentControllers.Restrict(update, "CODE_DEPLOY")!;
        var external = ExternalDeploymentControllers.Restrict(update, "EXTERNAL")!;

        Assert.Null(codeDeploy.TaskDefinition);
        Assert.Null(codeDeploy.NetworkConfiguration);
        Assert.Equal((5, 50, "SERVICE"), (codeDeploy.DesiredCount, codeDeploy.DeploymentConfiguration!.MinimumHealthyPercent, codeDeploy.PropagateTags));
        Assert.Null(external.DeploymentConfiguration);
        Assert.Equal(5, external.DesiredCount);
        Assert.Same(update, ExternalDeploymentControllers.Restrict(update, "ECS"));
        Assert.Null(ExternalDeploymentControllers.Restrict(new UpdateServiceRequest { Cluster = "prod", Service = "web", TaskDefinition = "shop-web:4" }, "CODE_DEPLOY"));
    }
}
